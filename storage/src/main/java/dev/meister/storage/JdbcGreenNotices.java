package dev.meister.storage;

import dev.meister.core.chat.AlertId;
import dev.meister.core.filing.GreenNotices;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Which alerts' threads were told their build is green again, in {@code green_notices}; the
 * failures still to tell are the {@code run_failures} rows not marked told.
 */
public final class JdbcGreenNotices implements GreenNotices {
  private final Database db;

  public JdbcGreenNotices(Database db) {
    this.db = db;
  }

  @Override
  public List<AlertId> untold(
      String repo, String workflowPath, String branch, Instant before, int limit) {
    return db.transaction(
        "reading the untold failures of " + repo + " " + workflowPath,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT alert_id FROM run_failures"
                      + " WHERE repo = ? AND workflow = ? AND branch = ? AND told = 0 AND occurred_at < ?"
                      + " AND source = 'GITHUB_ACTIONS' ORDER BY occurred_at, alert_id LIMIT ?")) {
            ps.setString(1, repo);
            ps.setString(2, workflowPath);
            ps.setString(3, branch);
            ps.setLong(4, before.toEpochMilli());
            ps.setInt(5, limit);
            List<AlertId> failures = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                failures.add(new AlertId(rs.getLong(1)));
              }
            }
            return failures;
          }
        });
  }

  @Override
  public List<AlertId> untoldTasks(String dagId, String taskId, Instant before, int limit) {
    return db.transaction(
        "reading the untold failures of task " + dagId + "." + taskId,
        c -> {
          // The run history keeps an Airflow failure's DAG as its repo and its task as workflow.
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT alert_id FROM run_failures"
                      + " WHERE repo = ? AND workflow = ? AND branch = '' AND told = 0"
                      + " AND occurred_at <= ? AND source = 'AIRFLOW'"
                      + " ORDER BY occurred_at, alert_id LIMIT ?")) {
            ps.setString(1, dagId);
            ps.setString(2, taskId);
            ps.setLong(3, before.toEpochMilli());
            ps.setInt(4, limit);
            List<AlertId> failures = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                failures.add(new AlertId(rs.getLong(1)));
              }
            }
            return failures;
          }
        });
  }

  @Override
  public boolean notice(AlertId alert, String successKey, Instant at) {
    return db.transaction(
        "recording green notice of alert " + alert,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO green_notices (alert_id,"
                      + " success_key, noticed_at) VALUES (?, ?, ?) ON CONFLICT (alert_id) DO NOTHING")) {
            ps.setLong(1, alert.value());
            ps.setString(2, successKey);
            ps.setLong(3, at.toEpochMilli());
            boolean told = ps.executeUpdate() == 1;
            try (PreparedStatement done =
                c.prepareStatement("UPDATE run_failures SET told = 1 WHERE alert_id = ?")) {
              done.setLong(1, alert.value());
              done.executeUpdate();
            }
            return told;
          }
        });
  }
}
