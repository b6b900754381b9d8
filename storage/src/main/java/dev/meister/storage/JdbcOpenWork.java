package dev.meister.storage;

import dev.meister.core.alert.Alert;
import dev.meister.core.chat.AlertId;
import dev.meister.core.filing.IssueRef;
import dev.meister.core.handoff.OpenIssue;
import dev.meister.core.handoff.OpenWork;
import dev.meister.core.schedule.RotationId;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A rotation's open work, read from its alerts: the issues they were filed under or linked to, and
 * those nobody acknowledged. Issue state lives on GitHub, so "open" here means "linked during the
 * window", which is what the outgoing on-call has to pass on, less the issues Meister saw closed.
 * The priority is the one Meister filed the issue with, when it did.
 */
public final class JdbcOpenWork implements OpenWork {
  private static final int LIMIT = 20;

  private final Database db;
  private final JdbcAlertStore alerts;

  public JdbcOpenWork(Database db, JdbcAlertStore alerts) {
    this.db = db;
    this.alerts = alerts;
  }

  @Override
  public List<OpenIssue> issues(RotationId rotation, Instant since) {
    return db.transaction(
        "listing open issues of " + rotation,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT l.repo, l.number, MAX(l.url) AS url,"
                      + " MAX(l.linked_at) AS latest, MIN(f.priority) AS priority FROM issue_links l"
                      + " JOIN alerts a ON a.id = l.alert_id"
                      + " LEFT JOIN filed_issues f ON f.repo = l.repo AND f.number = l.number"
                      + " WHERE a.rotation = ? AND l.linked_at >= ? AND (f.open IS NULL OR f.open = 1)"
                      + " GROUP BY l.repo, l.number ORDER BY latest DESC LIMIT ?")) {
            ps.setString(1, rotation.value());
            ps.setLong(2, since.toEpochMilli());
            ps.setInt(3, LIMIT);
            List<OpenIssue> issues = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                issues.add(
                    new OpenIssue(
                        new IssueRef(
                            Sql.requiredText(rs, "repo"),
                            rs.getInt("number"),
                            Sql.requiredText(rs, "url")),
                        rs.getString("priority")));
              }
            }
            return issues;
          }
        });
  }

  @Override
  public List<Alert> unacknowledged(RotationId rotation, Instant since) {
    List<AlertId> ids =
        db.transaction(
            "listing unacknowledged alerts of " + rotation,
            c -> {
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "SELECT a.id FROM alerts a"
                          + " LEFT JOIN acknowledgements k ON k.alert_id = a.id"
                          + " WHERE k.alert_id IS NULL AND a.rotation = ? AND a.received_at >= ?"
                          + " ORDER BY a.received_at DESC, a.id DESC LIMIT ?")) {
                ps.setString(1, rotation.value());
                ps.setLong(2, since.toEpochMilli());
                ps.setInt(3, LIMIT);
                List<AlertId> found = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                  while (rs.next()) {
                    found.add(new AlertId(rs.getLong(1)));
                  }
                }
                return found;
              }
            });
    return ids.stream().map(alerts::find).flatMap(Optional::stream).toList();
  }
}
