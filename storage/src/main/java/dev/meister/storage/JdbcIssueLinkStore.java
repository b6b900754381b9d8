package dev.meister.storage;

import dev.meister.core.chat.AlertId;
import dev.meister.core.filing.IssueLink;
import dev.meister.core.filing.IssueLinkStore;
import dev.meister.core.filing.IssueRef;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Which issue each alert was filed as or linked to. */
public final class JdbcIssueLinkStore implements IssueLinkStore {
  private final Database db;

  public JdbcIssueLinkStore(Database db) {
    this.db = db;
  }

  @Override
  public void link(IssueLink link) {
    db.execute(
        "linking alert " + link.alert() + " to " + link.issue(),
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO issue_links (alert_id, repo,"
                      + " number, url, linked_at, filed) VALUES (?, ?, ?, ?, ?, ?)"
                      + " ON CONFLICT (alert_id, repo, number) DO UPDATE SET"
                      + " url = excluded.url, linked_at = excluded.linked_at, filed = excluded.filed")) {
            ps.setLong(1, link.alert().value());
            ps.setString(2, link.issue().repo());
            ps.setInt(3, link.issue().number());
            ps.setString(4, link.issue().url());
            ps.setLong(5, link.linkedAt().toEpochMilli());
            ps.setInt(6, link.filed() ? 1 : 0);
            ps.executeUpdate();
          }
        });
  }

  @Override
  public Optional<IssueLink> issueFor(AlertId alert) {
    return issuesFor(alert).stream().findFirst();
  }

  @Override
  public List<IssueLink> issuesFor(AlertId alert) {
    return db.transaction(
        "finding the issues of alert " + alert,
        c -> {
          // Newest first: a later /issue N is what the alert is now about.
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT * FROM issue_links WHERE alert_id = ?"
                      + " ORDER BY linked_at DESC, rowid")) {
            ps.setLong(1, alert.value());
            return links(ps);
          }
        });
  }

  @Override
  public List<IssueLink> alertsFor(IssueRef issue) {
    return db.transaction(
        "listing alerts of " + issue,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT * FROM issue_links"
                      + " WHERE repo = ? AND number = ? ORDER BY linked_at, alert_id")) {
            ps.setString(1, issue.repo());
            ps.setInt(2, issue.number());
            return links(ps);
          }
        });
  }

  private static List<IssueLink> links(PreparedStatement ps) throws SQLException {
    List<IssueLink> all = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        all.add(
            new IssueLink(
                new AlertId(rs.getLong("alert_id")),
                new IssueRef(
                    Sql.requiredText(rs, "repo"), rs.getInt("number"), Sql.requiredText(rs, "url")),
                Sql.requiredInstant(rs, "linked_at"),
                rs.getInt("filed") == 1));
      }
    }
    return all;
  }
}
