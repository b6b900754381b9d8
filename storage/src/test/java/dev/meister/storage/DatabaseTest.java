package dev.meister.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meister.core.alert.Recorded;
import java.nio.file.Files;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class DatabaseTest extends StorageTestBase {
  @Test
  void a_fresh_file_is_created_migrated_and_in_wal_mode() throws Exception {
    assertThat(Files.exists(dir.resolve("meister.db"))).isTrue();

    String mode = storage.database().transaction("reading journal mode", c -> {
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
        rs.next();
        return rs.getString(1);
      }
    });
    int version = storage.database().transaction("reading schema version", c -> {
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
          "SELECT MAX(CAST(version AS INTEGER)) FROM flyway_schema_history WHERE success = 1")) {
        rs.next();
        return rs.getInt(1);
      }
    });

    assertThat(mode).isEqualTo("wal");
    assertThat(version).isEqualTo(10);
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
    assertThatThrownBy(() -> storage.database().inTransaction(() -> {
      storage.alerts().record(alert("d-3"));
      throw new IllegalStateException("crash before the message was queued");
    })).isInstanceOf(IllegalStateException.class);

    assertThat(storage.alerts().findByDedupKey("github:d-3")).isEmpty();
    assertThat(storage.database().isReachable()).isTrue();
  }
}
