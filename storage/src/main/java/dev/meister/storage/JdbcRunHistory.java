package dev.meister.storage;

import dev.meister.core.alert.AirflowTask;
import dev.meister.core.alert.GitHubRun;
import dev.meister.core.alert.RunEvent;
import dev.meister.core.alert.RunHistory;
import dev.meister.core.chat.AlertId;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;

/** Successful runs in the {@code run_successes} table, failed ones in {@code run_failures}. */
public final class JdbcRunHistory implements RunHistory {
  private final Database db;

  public JdbcRunHistory(Database db) {
    this.db = db;
  }

  @Override
  public boolean recordSuccess(RunEvent e) {
    return db.transaction(
        "recording success " + e.deliveryKey(),
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO run_successes (dedup_key,"
                      + " source, repo, workflow, branch, occurred_at, attributes)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (dedup_key) DO NOTHING")) {
            ps.setString(1, e.deliveryKey());
            ps.setString(2, e.source().name());
            ps.setString(3, e.origin().match(GitHubRun::repo, AirflowTask::dagId));
            ps.setString(
                4,
                e.origin()
                    .match(run -> run.workflowPath().orElse(""), task -> task.taskId().orElse("")));
            ps.setString(5, e.origin().match(run -> run.branch().orElse(""), task -> ""));
            ps.setLong(6, e.occurredAt().toEpochMilli());
            ps.setString(7, AlertDocumentCodec.write(e.origin()));
            return ps.executeUpdate() == 1;
          }
        });
  }

  @Override
  public boolean recordFailure(RunEvent e, AlertId alert) {
    return db.transaction(
        "recording failure " + e.deliveryKey(),
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO run_failures (alert_id,"
                      + " source, repo, workflow, branch, occurred_at) VALUES (?, ?, ?, ?, ?, ?)"
                      + " ON CONFLICT (alert_id) DO NOTHING")) {
            ps.setLong(1, alert.value());
            ps.setString(2, e.source().name());
            ps.setString(3, repo(e));
            ps.setString(4, workflow(e));
            ps.setString(5, e.origin().match(run -> run.branch().orElse(""), task -> ""));
            ps.setLong(6, e.occurredAt().toEpochMilli());
            return ps.executeUpdate() == 1;
          }
        });
  }

  /** The repo, or for Airflow the DAG: the first part of what makes runs the same build. */
  private static String repo(RunEvent e) {
    return e.origin().match(GitHubRun::repo, AirflowTask::dagId);
  }

  private static String workflow(RunEvent e) {
    return e.origin().match(run -> run.workflowPath().orElse(""), task -> task.taskId().orElse(""));
  }

  @Override
  public Optional<Instant> lastSuccess(String repo, String workflowPath, String branch) {
    return db.transaction(
        "reading the last success of " + repo + " " + workflowPath,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT MAX(occurred_at) FROM run_successes"
                      + " WHERE repo = ? AND workflow = ? AND branch = ?")) {
            ps.setString(1, repo);
            ps.setString(2, workflowPath);
            ps.setString(3, branch);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              long at = rs.getLong(1);
              return rs.wasNull()
                  ? Optional.<Instant>empty()
                  : Optional.of(Instant.ofEpochMilli(at));
            }
          }
        });
  }
}
