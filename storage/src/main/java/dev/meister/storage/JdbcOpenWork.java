package dev.meister.storage;

import dev.meister.core.alert.Alert;
import dev.meister.core.chat.AlertId;
import dev.meister.core.escalation.EscalatedAlert;
import dev.meister.core.escalation.Escalation;
import dev.meister.core.filing.IssueRef;
import dev.meister.core.handoff.OpenIssue;
import dev.meister.core.handoff.OpenWork;
import dev.meister.core.handoff.SeenIssue;
import dev.meister.core.schedule.RotationId;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A rotation's open work, read from its alerts and from what GitHub said at earlier hand-offs: the
 * issues its alerts were filed under or linked to (at any time) and the sub-issues of its epic,
 * less those last seen closed; and the alerts nobody acknowledged. Issue state lives on GitHub, so
 * the hand-off asks it again ({@code core.handoff.IssueRefresh}) and records the answers here
 * ({@link #seen}); this is what it falls back on when GitHub is down.
 */
public final class JdbcOpenWork implements OpenWork {
  private static final int LIMIT = 20;

  /**
   * Linked issues by their latest link; the epic's sub-issues after them (latest 0), as they are
   * listed afresh from the epic whenever GitHub answers. An issue last seen closed stays out unless
   * an alert linked it after that; one Meister saw closed when filing stays out.
   */
  private static final String ISSUES =
      "WITH candidates AS ("
          + " SELECT l.repo AS repo, l.number AS number, l.url AS url, l.linked_at AS latest"
          + " FROM issue_links l JOIN alerts a ON a.id = l.alert_id WHERE a.rotation = ?"
          + " UNION ALL SELECT s.repo, s.number, s.url, 0 FROM issue_states s"
          + " WHERE s.epic_of = ? AND s.open = 1"
          // Filed with /issue new: the rotation's like its alerts' issues.
          + " UNION ALL SELECT r.repo, r.number, r.url, r.done_at FROM issue_reports r"
          + " WHERE r.rotation = ? AND r.state = 'filed'),"
          + " issues AS (SELECT MIN(repo) AS repo, number, MAX(url) AS url, MAX(latest) AS latest"
          + " FROM candidates GROUP BY repo COLLATE NOCASE, number)"
          + " SELECT i.repo, i.number, i.url, s.repo AS seen, s.title AS seen_title,"
          + " s.priority AS seen_priority, s.assignee, s.created_at, s.updated_at,"
          + " f.title AS filed_title,"
          + " f.priority AS filed_priority FROM issues i"
          + " LEFT JOIN issue_states s ON s.repo = i.repo AND s.number = i.number"
          + " LEFT JOIN filed_issues f ON f.repo = i.repo AND f.number = i.number"
          + " WHERE (f.open IS NULL OR f.open = 1)"
          + " AND (s.open IS NULL OR s.open = 1 OR s.seen_at < i.latest)"
          + " ORDER BY i.latest DESC, i.number DESC LIMIT ?";

  private static final String SEEN =
      "INSERT INTO issue_states (repo, number, url, open, title, priority, assignee, epic_of,"
          + " seen_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
          + " ON CONFLICT (repo, number) DO UPDATE SET"
          + " url = excluded.url, open = excluded.open, title = excluded.title,"
          + " priority = excluded.priority, assignee = excluded.assignee,"
          + " created_at = COALESCE(excluded.created_at, issue_states.created_at),"
          + " updated_at = COALESCE(excluded.updated_at, issue_states.updated_at),"
          + " epic_of = COALESCE(excluded.epic_of, issue_states.epic_of), seen_at = excluded.seen_at";

  private final Database db;
  private final JdbcAlertStore alerts;

  public JdbcOpenWork(Database db, JdbcAlertStore alerts) {
    this.db = db;
    this.alerts = alerts;
  }

  @Override
  public List<OpenIssue> issues(RotationId rotation, int limit) {
    return db.transaction(
        "listing open issues of " + rotation,
        c -> {
          try (PreparedStatement ps = c.prepareStatement(ISSUES)) {
            ps.setString(1, rotation.value());
            ps.setString(2, rotation.value());
            ps.setString(3, rotation.value());
            ps.setInt(4, limit);
            List<OpenIssue> issues = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                issues.add(issue(rs));
              }
            }
            return issues;
          }
        });
  }

  /** What GitHub said last, else what Meister filed it with. */
  private static OpenIssue issue(ResultSet rs) throws SQLException {
    boolean seen = rs.getString("seen") != null;
    return new OpenIssue(
        new IssueRef(
            Sql.requiredText(rs, "repo"), rs.getInt("number"), Sql.requiredText(rs, "url")),
        Optional.ofNullable(rs.getString(seen ? "seen_title" : "filed_title")),
        Optional.ofNullable(rs.getString(seen ? "seen_priority" : "filed_priority")),
        Optional.ofNullable(rs.getString("assignee")),
        Optional.ofNullable(Sql.instant(rs, "created_at")),
        Optional.ofNullable(Sql.instant(rs, "updated_at")));
  }

  @Override
  public void seen(RotationId rotation, List<SeenIssue> issues, Instant at) {
    if (issues.isEmpty()) {
      return;
    }
    db.execute(
        "recording the issue states of " + rotation,
        c -> {
          try (PreparedStatement ps = c.prepareStatement(SEEN)) {
            for (SeenIssue s : issues) {
              OpenIssue i = s.issue();
              ps.setString(1, i.ref().repo());
              ps.setInt(2, i.ref().number());
              ps.setString(3, i.ref().url());
              ps.setInt(4, s.open() ? 1 : 0);
              Sql.setText(ps, 5, i.title().orElse(null));
              Sql.setText(ps, 6, i.priority().orElse(null));
              Sql.setText(ps, 7, i.assignee().orElse(null));
              Sql.setText(ps, 8, s.inEpic() ? rotation.value() : null);
              ps.setLong(9, at.toEpochMilli());
              Sql.setInstant(ps, 10, i.createdAt().orElse(null));
              Sql.setInstant(ps, 11, i.updatedAt().orElse(null));
              ps.addBatch();
            }
            ps.executeBatch();
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

  @Override
  public List<EscalatedAlert> escalated(RotationId rotation, Instant since) {
    List<Escalation> found =
        db.transaction(
            "listing escalated alerts of " + rotation,
            c -> {
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "SELECT e.* FROM alert_escalations e JOIN alerts a ON a.id = e.alert_id"
                          + " LEFT JOIN resolutions r ON r.alert_id = e.alert_id"
                          + " WHERE r.alert_id IS NULL AND a.rotation = ? AND e.escalated_at >= ?"
                          + " ORDER BY e.escalated_at DESC, e.alert_id DESC LIMIT ?")) {
                ps.setString(1, rotation.value());
                ps.setLong(2, since.toEpochMilli());
                ps.setInt(3, LIMIT);
                List<Escalation> escalations = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                  while (rs.next()) {
                    escalations.add(JdbcEscalationStore.read(rs));
                  }
                }
                return escalations;
              }
            });
    return found.stream()
        .flatMap(e -> alerts.find(e.alert()).map(a -> new EscalatedAlert(a, e)).stream())
        .toList();
  }
}
