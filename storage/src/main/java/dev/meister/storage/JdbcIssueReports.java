package dev.meister.storage;

import dev.meister.core.chat.ChatRef;
import dev.meister.core.chat.MessageRef;
import dev.meister.core.chat.Platform;
import dev.meister.core.filing.IssueRef;
import dev.meister.core.filing.IssueReport;
import dev.meister.core.filing.IssueReports;
import dev.meister.core.schedule.RotationId;
import dev.meister.core.team.MemberId;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Problems reported with {@code /issue new}, in {@code issue_reports}. */
public final class JdbcIssueReports implements IssueReports {
  private final Database db;
  private final Listeners<Long> queued;

  public JdbcIssueReports(Database db) {
    this.db = db;
    this.queued = new Listeners<>(db);
  }

  /**
   * Calls {@code listener} with the id of every report queued from now on, once the transaction
   * that queued it has committed: how the timekeeper is woken to file it at once.
   */
  public Subscription onQueued(java.util.function.Consumer<Long> listener) {
    return queued.add(listener);
  }

  @Override
  public long enqueue(
      RotationId rotation,
      String title,
      Optional<String> priority,
      MemberId requestedBy,
      MessageRef answerUnder,
      Instant at) {
    return db.transaction(
        "queueing the issue report " + title,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO issue_reports (rotation, title, priority, requested_by, platform,"
                      + " chat_id, thread_id, message_id, state, not_before, created_at)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?) RETURNING id")) {
            ChatRef chat = answerUnder.chat();
            ps.setString(1, rotation.value());
            ps.setString(2, title);
            Sql.setText(ps, 3, priority.orElse(null));
            ps.setString(4, requestedBy.value());
            ps.setString(5, chat.platform().name());
            ps.setString(6, chat.chatId());
            ps.setString(7, chat.threadId() == null ? "" : chat.threadId());
            ps.setString(8, answerUnder.messageId());
            ps.setLong(9, at.toEpochMilli());
            ps.setLong(10, at.toEpochMilli());
            long id = Sql.returnedId(ps);
            queued.tellAfterCommit(id);
            return id;
          }
        });
  }

  @Override
  public List<IssueReport> due(Instant now, int limit) {
    return db.transaction(
        "reading due issue reports",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT * FROM issue_reports"
                      + " WHERE state = 'pending' AND not_before <= ? ORDER BY id LIMIT ?")) {
            ps.setLong(1, now.toEpochMilli());
            ps.setInt(2, limit);
            List<IssueReport> due = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                String thread = Sql.requiredText(rs, "thread_id");
                MessageRef under =
                    new MessageRef(
                        new ChatRef(
                            Platform.valueOf(Sql.requiredText(rs, "platform")),
                            Sql.requiredText(rs, "chat_id"),
                            thread.isEmpty() ? null : thread),
                        Sql.requiredText(rs, "message_id"));
                due.add(
                    new IssueReport(
                        rs.getLong("id"),
                        RotationId.of(Sql.requiredText(rs, "rotation")),
                        Sql.requiredText(rs, "title"),
                        Optional.ofNullable(rs.getString("priority")),
                        MemberId.of(Sql.requiredText(rs, "requested_by")),
                        under,
                        rs.getInt("attempts")));
              }
            }
            return due;
          }
        });
  }

  @Override
  public Optional<Instant> nextAttempt() {
    return db.transaction(
        "reading the next issue report",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT MIN(not_before) AS next FROM issue_reports WHERE state = 'pending'")) {
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? Optional.ofNullable(Sql.instant(rs, "next")) : Optional.empty();
            }
          }
        });
  }

  @Override
  public void filed(long id, IssueRef issue, long answer, Instant at) {
    db.execute(
        "recording issue report " + id + " as filed",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE issue_reports SET state = 'filed', repo = ?, number = ?, url = ?,"
                      + " answer_entry = ?, done_at = ?, attempts = attempts + 1 WHERE id = ?")) {
            ps.setString(1, issue.repo());
            ps.setInt(2, issue.number());
            ps.setString(3, issue.url());
            ps.setLong(4, answer);
            ps.setLong(5, at.toEpochMilli());
            ps.setLong(6, id);
            ps.executeUpdate();
          }
        });
  }

  @Override
  public Optional<IssueRef> filedIssueAnsweredBy(MessageRef message) {
    return db.transaction(
        "finding the issue report answered by " + message.messageId(),
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT r.repo, r.number, r.url FROM issue_reports r"
                      + " JOIN outbox o ON o.id = r.answer_entry"
                      + " WHERE o.platform = ? AND o.chat_id = ? AND o.sent_message_id = ?"
                      + " AND r.state = 'filed'")) {
            ps.setString(1, message.chat().platform().name());
            ps.setString(2, message.chat().chatId());
            ps.setString(3, message.messageId());
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next()
                  ? Optional.of(
                      new IssueRef(
                          Sql.requiredText(rs, "repo"),
                          rs.getInt("number"),
                          Sql.requiredText(rs, "url")))
                  : Optional.empty();
            }
          }
        });
  }

  @Override
  public void resolve(IssueRef issue, String reason, String solution, MemberId by, Instant at) {
    db.execute(
        "resolving reported issue " + issue,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE issue_reports SET reason = ?, solution = ?, resolved_by = ?,"
                      + " resolved_at = ? WHERE repo = ? AND number = ? AND state = 'filed'")) {
            ps.setString(1, reason);
            ps.setString(2, solution);
            ps.setString(3, by.value());
            ps.setLong(4, at.toEpochMilli());
            ps.setString(5, issue.repo());
            ps.setInt(6, issue.number());
            ps.executeUpdate();
          }
        });
  }

  @Override
  public void retryLater(long id, Instant notBefore, String error) {
    db.execute(
        "deferring issue report " + id,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE issue_reports SET not_before = ?, error = ?, attempts = attempts + 1"
                      + " WHERE id = ?")) {
            ps.setLong(1, notBefore.toEpochMilli());
            ps.setString(2, error);
            ps.setLong(3, id);
            ps.executeUpdate();
          }
        });
  }

  @Override
  public void failed(long id, String error, Instant at) {
    db.execute(
        "recording issue report " + id + " as failed",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE issue_reports SET state = 'failed', error = ?, done_at = ?,"
                      + " attempts = attempts + 1 WHERE id = ?")) {
            ps.setString(1, error);
            ps.setLong(2, at.toEpochMilli());
            ps.setLong(3, id);
            ps.executeUpdate();
          }
        });
  }
}
