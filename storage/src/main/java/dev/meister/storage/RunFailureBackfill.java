package dev.meister.storage;

import dev.meister.core.alert.AlertSource;
import dev.meister.core.alert.GitHubRun;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** Records the build alerts stored before {@code run_failures} existed as failed runs. */
public final class RunFailureBackfill {
  private RunFailureBackfill() {}

  /** Called by the V9 migration, inside its transaction. */
  public static void run(Connection c) throws SQLException {
    try (PreparedStatement alerts =
            c.prepareStatement(
                "SELECT id, source, received_at,"
                    + " attributes FROM alerts WHERE source = 'GITHUB_ACTIONS'");
        PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO run_failures (alert_id,"
                    + " source, repo, workflow, branch, occurred_at, told) VALUES (?, ?, ?, ?, ?, ?,"
                    + " CASE WHEN EXISTS (SELECT 1 FROM green_notices WHERE alert_id = ?) THEN 1"
                    + " ELSE 0 END) ON CONFLICT (alert_id) DO NOTHING");
        ResultSet rs = alerts.executeQuery()) {
      while (rs.next()) {
        long id = rs.getLong("id");
        AlertDocumentCodec.Document doc =
            AlertDocumentCodec.read(
                Sql.requiredText(rs, "attributes"),
                AlertSource.GITHUB_ACTIONS,
                Instant.ofEpochMilli(rs.getLong("received_at")));
        Optional<GitHubRun> run = doc.origin().match(Optional::of, task -> Optional.empty());
        insert.setLong(1, id);
        insert.setString(2, Sql.requiredText(rs, "source"));
        insert.setString(3, run.map(GitHubRun::repo).orElse(""));
        insert.setString(4, run.flatMap(GitHubRun::workflowPath).orElse(""));
        insert.setString(5, run.flatMap(GitHubRun::branch).orElse(""));
        insert.setLong(6, doc.occurredAt().toEpochMilli());
        insert.setLong(7, id);
        insert.executeUpdate();
      }
    }
  }
}
