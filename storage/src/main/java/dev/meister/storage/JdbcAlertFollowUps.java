package dev.meister.storage;

import dev.meister.core.chat.AlertId;
import dev.meister.core.escalation.AlertFollowUps;
import dev.meister.core.escalation.FollowUpKind;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Escalation steps and fix-or-revert reminders, one row per alert, kind and step. */
public final class JdbcAlertFollowUps implements AlertFollowUps {
  private final Database db;

  public JdbcAlertFollowUps(Database db) {
    this.db = db;
  }

  @Override
  public List<AlertId> unacknowledgedSince(Instant since, int limit) {
    return ids(
        "listing unacknowledged alerts",
        // An alert escalated by hand (/escalate) has had its Level 2 or lead pulled in already:
        // the automatic ladder would only tag them again.
        // A silenced alert does not escalate either: silencing it meant nobody should be paged;
        // nor does a resolved one (by /resolve, or an Airflow task that recovered).
        "SELECT a.id FROM alerts a"
            + " LEFT JOIN acknowledgements k ON k.alert_id = a.id"
            + " LEFT JOIN alert_escalations e ON e.alert_id = a.id"
            + " LEFT JOIN silenced_alerts s ON s.alert_id = a.id"
            + " LEFT JOIN resolutions r ON r.alert_id = a.id"
            + " WHERE k.alert_id IS NULL AND e.alert_id IS NULL AND s.alert_id IS NULL"
            + " AND r.alert_id IS NULL"
            + " AND a.rotation IS NOT NULL"
            + " AND a.received_at >= ?"
            + " ORDER BY a.received_at, a.id LIMIT ?",
        since,
        limit);
  }

  @Override
  public List<AlertId> buildFailuresSince(Instant since, int limit) {
    return ids(
        "listing failed builds",
        "SELECT id FROM alerts"
            + " WHERE source = 'GITHUB_ACTIONS' AND rotation IS NOT NULL AND received_at >= ?"
            + " ORDER BY received_at, id LIMIT ?",
        since,
        limit);
  }

  private List<AlertId> ids(String what, String sql, Instant since, int limit) {
    return db.transaction(
        what,
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, since.toEpochMilli());
            ps.setInt(2, limit);
            List<AlertId> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                ids.add(new AlertId(rs.getLong(1)));
              }
            }
            return ids;
          }
        });
  }

  @Override
  public int lastStep(AlertId alert, FollowUpKind kind) {
    return db.transaction(
        "reading follow-ups of alert " + alert,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT COALESCE(MAX(step), 0) FROM alert_followups WHERE alert_id = ? AND kind = ?")) {
            ps.setLong(1, alert.value());
            ps.setString(2, name(kind));
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return rs.getInt(1);
            }
          }
        });
  }

  @Override
  public boolean record(AlertId alert, FollowUpKind kind, int step, Instant at) {
    return db.transaction(
        "recording follow-up " + step + " of alert " + alert,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO alert_followups"
                      + " (alert_id, kind, step, done_at) VALUES (?, ?, ?, ?)"
                      + " ON CONFLICT (alert_id, kind, step) DO NOTHING")) {
            ps.setLong(1, alert.value());
            ps.setString(2, name(kind));
            ps.setInt(3, step);
            ps.setLong(4, at.toEpochMilli());
            return ps.executeUpdate() == 1;
          }
        });
  }

  private static String name(FollowUpKind kind) {
    return kind.name().toLowerCase(Locale.ROOT);
  }
}
