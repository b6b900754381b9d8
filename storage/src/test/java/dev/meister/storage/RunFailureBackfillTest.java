package dev.meister.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meister.core.chat.AlertId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** A database from before V8: its build alerts still wait for their "green again". */
class RunFailureBackfillTest extends StorageTestBase {
  @Test
  void build_alerts_stored_before_the_upgrade_are_failures_a_success_finds() throws Exception {
    DatabaseTarget old = freshTarget(false);
    String user = old instanceof DatabaseTarget.Postgres p ? p.user() : null;
    String password = old instanceof DatabaseTarget.Postgres p ? p.password() : null;
    Flyway.configure(Database.class.getClassLoader())
        .dataSource(jdbcUrl(old), user, password)
        .locations("classpath:" + vendor.migrations())
        .target("7")
        .load()
        .migrate();
    try (Connection c = connect(old)) {
      insertAlert(
          c,
          1,
          "{\"repo\":\"acme/w\",\"workflow_path\":\"ci.yml\",\"branch\":\"main\","
              + "\"occurred_at\":\"2026-11-23T09:00:00Z\"}");
      insertAlert(c, 2, "{\"repo\":\"acme/w\",\"workflow_path\":\"ci.yml\",\"branch\":\"main\"}");
      insertAlert(c, 3, "{\"repo\":\"acme/w\",\"workflow_path\":\"ci.yml\",\"branch\":\"dev\"}");
      try (PreparedStatement ps =
          c.prepareStatement("INSERT INTO green_notices VALUES (2, 'k', 0)")) {
        ps.executeUpdate();
      }
    }

    try (Storage upgraded = Storage.open(old, CLOCK)) {
      assertThat(
              upgraded
                  .greenNotices()
                  .untold("acme/w", "ci.yml", "main", Instant.parse("2026-11-24T00:00:00Z"), 10))
          .containsExactly(new AlertId(1));
      assertThat(
              upgraded
                  .greenNotices()
                  .untold("acme/w", "ci.yml", "main", Instant.parse("2026-11-23T08:00:00Z"), 10))
          .isEmpty();
    }
  }

  private static void insertAlert(Connection c, long id, String attributes) throws Exception {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO alerts (id, dedup_key, source,"
                + " fingerprint, priority, title, received_at, attributes) VALUES (?, ?, 'GITHUB_ACTIONS',"
                + " 'gh', 'NORMAL', 't', ?, ?)")) {
      ps.setLong(1, id);
      ps.setString(2, "github:" + id);
      ps.setLong(3, NOW.toEpochMilli());
      ps.setString(4, attributes);
      ps.executeUpdate();
    }
  }
}
