package dev.meister.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meister.core.alert.Recorded;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class DatabaseTest extends StorageTestBase {
  @Test
  void a_fresh_database_is_created_migrated_and_durable() throws Exception {
    String durability =
        storage
            .database()
            .transaction(
                "reading the durability setting",
                c -> {
                  try (Statement s = c.createStatement();
                      ResultSet rs =
                          s.executeQuery(
                              vendor == Vendor.SQLITE
                                  ? "PRAGMA journal_mode"
                                  : "SHOW synchronous_commit")) {
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
                              "SELECT MAX(CAST(version AS INTEGER)) FROM flyway_schema_history"
                                  + " WHERE success")) {
                    rs.next();
                    return rs.getInt(1);
                  }
                });

    if (vendor == Vendor.SQLITE) {
      assertThat(Files.exists(dir.resolve("meister.db"))).isTrue();
      assertThat(durability).isEqualTo("wal");
    } else {
      assertThat(durability).isEqualTo("on");
    }
    assertThat(storage.database().vendor()).isEqualTo(vendor);
    assertThat(version).isEqualTo(30);
  }

  @Test
  void sqlite_runs_no_generated_keys_query_after_an_insert() {
    Assumptions.assumeTrue(vendor == Vendor.SQLITE);
    // With the driver's default it compiles and runs "SELECT last_insert_rowid()" after every
    // INSERT and getGeneratedKeys() answers its row; Database turns that off for the writer's sake.
    boolean keys =
        storage
            .database()
            .transaction(
                "inserting a row",
                c -> {
                  try (Statement s = c.createStatement()) {
                    s.execute("CREATE TEMP TABLE probe (id INTEGER PRIMARY KEY, v TEXT)");
                  }
                  try (PreparedStatement ps =
                      c.prepareStatement("INSERT INTO probe (v) VALUES (?)")) {
                    ps.setString(1, "x");
                    ps.executeUpdate();
                    try (ResultSet rs = ps.getGeneratedKeys()) {
                      return rs.next();
                    }
                  }
                });
    assertThat(keys).isFalse();
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

  @Test
  void two_processes_on_one_database_record_each_delivery_once() throws Exception {
    // A second instance on the same database: each process serialises its own transactions, and
    // the unique dedup key with ON CONFLICT decides between them.
    try (Storage other = Storage.open(target, CLOCK)) {
      ExecutorService pool = Executors.newFixedThreadPool(4);
      List<Callable<Boolean>> work = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        String key = "twice-" + (i % 100);
        Storage s = i % 2 == 0 ? storage : other;
        work.add(() -> s.alerts().record(alert(key)).created());
      }
      int created = 0;
      for (Future<Boolean> f : pool.invokeAll(work)) {
        created += f.get() ? 1 : 0;
      }
      pool.shutdown();

      assertThat(created).isEqualTo(100);
      assertThat(other.alerts().count()).isEqualTo(100);
    }
  }

  @Test
  void a_connection_the_server_dropped_costs_at_most_one_transaction() throws Exception {
    Assumptions.assumeTrue(vendor == Vendor.POSTGRESQL, "a pool of server connections");
    storage.alerts().record(alert("before"));
    // What a server restart or a killed session does to the pool's idle connection.
    DatabaseTarget.Postgres pg = (DatabaseTarget.Postgres) target;
    try (Connection admin = connect(target);
        PreparedStatement kill =
            admin.prepareStatement(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    + " WHERE datname = current_database() AND pid <> pg_backend_pid()"
                    + " AND application_name = 'meister'")) {
      try (ResultSet rs = kill.executeQuery()) {
        assertThat(rs.next()).as("a pooled connection of %s", pg.describe()).isTrue();
      }
    }

    int failed = 0;
    for (int i = 0; i < 2; i++) {
      try {
        storage.alerts().record(alert("after-" + i));
      } catch (StorageException e) {
        failed++;
      }
    }
    assertThat(failed).isLessThanOrEqualTo(1);
    assertThat(storage.alerts().findByDedupKey("github:after-1")).isPresent();
    assertThat(storage.database().isReachable()).isTrue();
  }
}
