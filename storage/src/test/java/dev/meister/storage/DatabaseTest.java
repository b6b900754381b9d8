package dev.meister.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meister.core.alert.Recorded;
import java.nio.file.Files;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DatabaseTest extends StorageTestBase {
  @Test
  void a_fresh_file_is_created_migrated_and_in_wal_mode() throws Exception {
    assertThat(Files.exists(dir.resolve("meister.db"))).isTrue();

    String mode =
        storage
            .database()
            .transaction(
                "reading journal mode",
                c -> {
                  try (Statement s = c.createStatement();
                      ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
                    rs.next();
                    return rs.getString(1);
                  }
                });
    int version =
        storage
            .database()
            .transaction(
                "reading schema version",
                c -> {
                  try (Statement s = c.createStatement();
                      ResultSet rs =
                          s.executeQuery(
                              "SELECT MAX(CAST(version AS INTEGER)) FROM flyway_schema_history WHERE success = 1")) {
                    rs.next();
                    return rs.getInt(1);
                  }
                });

    assertThat(mode).isEqualTo("wal");
    assertThat(version).isEqualTo(24);
  }

  @Test
  void reopening_keeps_the_data_and_does_not_migrate_twice() {
    Recorded first = storage.alerts().record(alert("d-1"));

    reopen();

    assertThat(storage.alerts().find(first.id())).contains(first.alert());
    assertThat(storage.alerts().count()).isEqualTo(1);
  }

  @Test
  void a_failure_names_the_operation() {
    storage.close();

    assertThatThrownBy(() -> storage.alerts().record(alert("d-2")))
        .isInstanceOf(StorageException.class)
        .hasMessage("recording alert github:d-2 failed: the database is closed");
  }

  @Test
  void work_across_stores_commits_together_or_not_at_all() {
    assertThatThrownBy(
            () ->
                storage
                    .database()
                    .inTransaction(
                        () -> {
                          storage.alerts().record(alert("d-3"));
                          throw new IllegalStateException("crash before the message was queued");
                        }))
        .isInstanceOf(IllegalStateException.class);

    assertThat(storage.alerts().findByDedupKey("github:d-3")).isEmpty();
    assertThat(storage.database().isReachable()).isTrue();
  }

  @Test
  void an_after_commit_hook_runs_once_the_outer_transaction_committed() {
    List<String> seen = new ArrayList<>();

    storage
        .database()
        .execute(
            "outer",
            c -> {
              storage
                  .database()
                  .execute(
                      "inner",
                      inner ->
                          storage
                              .database()
                              .afterCommit(
                                  () ->
                                      seen.add(
                                          "committed: "
                                              + storage
                                                  .alerts()
                                                  .findByDedupKey("github:h-1")
                                                  .isPresent())));
              storage.alerts().record(alert("h-1"));
              seen.add("still open");
            });

    assertThat(seen).containsExactly("still open", "committed: true");
  }

  @Test
  void an_after_commit_hook_of_a_rolled_back_transaction_never_runs() {
    List<String> seen = new ArrayList<>();

    assertThatThrownBy(
            () ->
                storage
                    .database()
                    .execute(
                        "failing",
                        c -> {
                          storage.database().afterCommit(() -> seen.add("told"));
                          throw new IllegalStateException("boom");
                        }))
        .hasMessage("boom");
    storage.database().execute("next", c -> storage.database().afterCommit(() -> seen.add("next")));

    assertThat(seen).containsExactly("next");
  }

  @Test
  void an_after_commit_hook_outside_a_transaction_runs_at_once_and_a_failing_one_stops_no_other() {
    List<String> seen = new ArrayList<>();

    storage.database().afterCommit(() -> seen.add("at once"));
    storage
        .database()
        .execute(
            "two hooks",
            c -> {
              storage
                  .database()
                  .afterCommit(
                      () -> {
                        throw new IllegalStateException("a broken listener");
                      });
              storage.database().afterCommit(() -> seen.add("second"));
            });

    assertThat(seen).containsExactly("at once", "second");
  }
}
