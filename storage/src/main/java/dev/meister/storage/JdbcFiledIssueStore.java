package dev.meister.storage;

import dev.meister.core.filing.CodeArea;
import dev.meister.core.filing.ErrorSignature;
import dev.meister.core.filing.FiledIssue;
import dev.meister.core.filing.FiledIssueStore;
import dev.meister.core.filing.IssueRef;
import dev.meister.core.filing.RootCause;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** Issues Meister filed, in {@code filed_issues}. */
public final class JdbcFiledIssueStore implements FiledIssueStore {
  private final Database db;

  public JdbcFiledIssueStore(Database db) {
    this.db = db;
  }

  @Override
  public void record(FiledIssue issue) {
    db.execute(
        "recording filed issue " + issue.ref(),
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO filed_issues (repo, number,"
                      + " issue_id, url, title, fingerprint, filed_at, open, priority, area, signature)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                      + " ON CONFLICT (repo, number) DO UPDATE SET issue_id = excluded.issue_id,"
                      + " url = excluded.url, title = excluded.title, fingerprint = excluded.fingerprint,"
                      + " open = excluded.open, priority = excluded.priority,"
                      + " area = excluded.area, signature = excluded.signature")) {
            ps.setString(1, issue.ref().repo());
            ps.setInt(2, issue.ref().number());
            ps.setLong(3, issue.id());
            ps.setString(4, issue.ref().url());
            ps.setString(5, issue.title());
            ps.setString(6, issue.fingerprint());
            ps.setLong(7, issue.filedAt().toEpochMilli());
            ps.setInt(8, issue.open() ? 1 : 0);
            Sql.setText(ps, 9, issue.priority());
            Sql.setText(ps, 10, issue.rootCause().map(r -> r.area().path()).orElse(null));
            Sql.setText(ps, 11, issue.rootCause().map(r -> r.signature().text()).orElse(null));
            ps.executeUpdate();
          }
        });
  }

  @Override
  public Optional<FiledIssue> openFor(String fingerprint) {
    return db.transaction(
        "finding the open issue for " + fingerprint,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT * FROM filed_issues"
                      + " WHERE fingerprint = ? AND open = 1 ORDER BY filed_at DESC LIMIT 1")) {
            ps.setString(1, fingerprint);
            return first(ps);
          }
        });
  }

  @Override
  public Optional<FiledIssue> find(String repo, int number) {
    return db.transaction(
        "finding filed issue " + repo + "#" + number,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT * FROM filed_issues WHERE repo = ? AND number = ?")) {
            ps.setString(1, repo);
            ps.setInt(2, number);
            return first(ps);
          }
        });
  }

  @Override
  public void closed(IssueRef issue) {
    db.execute(
        "marking " + issue + " closed",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE filed_issues SET open = 0 WHERE repo = ? AND number = ?")) {
            ps.setString(1, issue.repo());
            ps.setInt(2, issue.number());
            ps.executeUpdate();
          }
        });
  }

  private static Optional<FiledIssue> first(PreparedStatement ps) throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        return Optional.empty();
      }
      return Optional.of(
          new FiledIssue(
              new IssueRef(
                  Sql.requiredText(rs, "repo"), rs.getInt("number"), Sql.requiredText(rs, "url")),
              rs.getLong("issue_id"),
              Sql.requiredText(rs, "title"),
              Sql.requiredText(rs, "fingerprint"),
              Sql.requiredInstant(rs, "filed_at"),
              rs.getInt("open") == 1,
              rs.getString("priority"),
              rootCause(rs)));
    }
  }

  /** The group an issue was filed for; none for a row of a whole run (or from before V14). */
  private static Optional<RootCause> rootCause(ResultSet rs) throws SQLException {
    String area = rs.getString("area");
    if (area == null) {
      return Optional.empty();
    }
    String signature = rs.getString("signature");
    return Optional.of(
        new RootCause(new CodeArea(area), new ErrorSignature(signature == null ? "" : signature)));
  }
}
