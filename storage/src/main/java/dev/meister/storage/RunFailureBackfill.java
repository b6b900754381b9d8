package dev.meister.storage;

import dev.meister.core.alert.AlertAttributes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** Records the build alerts stored before {@code run_failures} existed as failed runs. */
public final class RunFailureBackfill {
  private RunFailureBackfill() {}

  /** Called by the V9 migration, inside its transaction. */
  public static void run(Connection c) throws SQLException {
    try (PreparedStatement alerts = c.prepareStatement("SELECT id, source, received_at,"
            + " attributes FROM alerts WHERE source = 'GITHUB_ACTIONS'");
        PreparedStatement insert = c.prepareStatement("INSERT INTO run_failures (alert_id,"
            + " source, repo, workflow, branch, occurred_at, told) VALUES (?, ?, ?, ?, ?, ?,"
            + " CASE WHEN EXISTS (SELECT 1 FROM green_notices WHERE alert_id = ?) THEN 1"
            + " ELSE 0 END) ON CONFLICT (alert_id) DO NOTHING");
        ResultSet rs = alerts.executeQuery()) {
      while (rs.next()) {
        long id = rs.getLong("id");
        Map<String, String> a = AttributesCodec.read(Sql.requiredText(rs, "attributes"));
        insert.setLong(1, id);
        insert.setString(2, Sql.requiredText(rs, "source"));
        insert.setString(3, a.getOrDefault(AlertAttributes.REPO, ""));
        insert.setString(4, a.getOrDefault(AlertAttributes.WORKFLOW_PATH, ""));
        insert.setString(5, a.getOrDefault(AlertAttributes.BRANCH, ""));
        insert.setLong(6, occurredAt(a, rs.getLong("received_at")));
        insert.setLong(7, id);
        insert.executeUpdate();
      }
    }
  }

  private static long occurredAt(Map<String, String> attributes, long receivedAt) {
    String at = attributes.get(AlertAttributes.OCCURRED_AT);
    try {
      return at == null ? receivedAt : Instant.parse(at).toEpochMilli();
    } catch (DateTimeParseException e) {
      return receivedAt; // stored by an older version in another shape: the receipt time will do
    }
  }
}
