package dev.meister.storage;

import dev.meister.core.chat.AlertId;
import dev.meister.core.chat.ChatRef;
import dev.meister.core.chat.MessageRef;
import dev.meister.core.chat.Platform;
import dev.meister.core.filing.IssueRequest;
import dev.meister.core.filing.IssueRequestKind;
import dev.meister.core.filing.IssueRequests;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/** Issue requests in the {@code issue_requests} table. */
public final class JdbcIssueRequests implements IssueRequests {
  private final Database db;
  private final Listeners<AlertId> queued;

  public JdbcIssueRequests(Database db) {
    this.db = db;
    this.queued = new Listeners<>(db);
  }

  /**
   * Calls {@code listener} with the alert of every request queued from now on, once the transaction
   * that queued it has committed: how the filing worker is woken.
   */
  public Subscription onQueued(Consumer<AlertId> listener) {
    return queued.add(listener);
  }

  @Override
  public long enqueue(
      IssueRequestKind kind,
      AlertId alert,
      @Nullable Integer issue,
      @Nullable MessageRef answerUnder,
      String requestedBy,
      Optional<String> priority,
      Instant at) {
    return insert(kind, alert, issue, answerUnder, requestedBy, priority, null, at);
  }

  @Override
  public long enqueueAssign(
      AlertId alert,
      int issue,
      MessageRef answerUnder,
      String requestedBy,
      String login,
      Instant at) {
    return insert(
        IssueRequestKind.ASSIGN,
        alert,
        issue,
        answerUnder,
        requestedBy,
        Optional.empty(),
        login,
        at);
  }

  private long insert(
      IssueRequestKind kind,
      AlertId alert,
      @Nullable Integer issue,
      @Nullable MessageRef answerUnder,
      String requestedBy,
      Optional<String> priority,
      @Nullable String assignee,
      Instant at) {
    return db.transaction(
        "queueing an issue request for alert " + alert,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO issue_requests (kind, alert_id,"
                      + " issue_number, platform, chat_id, thread_id, message_id, requested_by, state,"
                      + " not_before, created_at, priority, assignee)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?, ?) RETURNING id")) {
            ps.setString(1, kind.name());
            ps.setLong(2, alert.value());
            if (issue == null) {
              ps.setNull(3, Types.INTEGER);
            } else {
              ps.setInt(3, issue);
            }
            ChatRef chat = answerUnder == null ? null : answerUnder.chat();
            Sql.setText(ps, 4, chat == null ? null : chat.platform().name());
            Sql.setText(ps, 5, chat == null ? null : chat.chatId());
            ps.setString(6, chat == null || chat.threadId() == null ? "" : chat.threadId());
            Sql.setText(ps, 7, answerUnder == null ? null : answerUnder.messageId());
            ps.setString(8, requestedBy);
            ps.setLong(9, at.toEpochMilli());
            ps.setLong(10, at.toEpochMilli());
            Sql.setText(ps, 11, priority.orElse(null));
            Sql.setText(ps, 12, assignee);
            long id = Sql.returnedId(ps);
            queued.tellAfterCommit(alert);
            return id;
          }
        });
  }

  @Override
  public List<IssueRequest> due(Instant now, int limit) {
    return db.transaction(
        "reading due issue requests",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT * FROM issue_requests"
                      + " WHERE state = 'pending' AND not_before <= ? ORDER BY id LIMIT ?")) {
            ps.setLong(1, now.toEpochMilli());
            ps.setInt(2, limit);
            List<IssueRequest> due = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                String thread = rs.getString("thread_id");
                String platform = rs.getString("platform");
                MessageRef under =
                    platform == null
                        ? null
                        : new MessageRef(
                            new ChatRef(
                                Platform.valueOf(platform),
                                Sql.requiredText(rs, "chat_id"),
                                thread == null || thread.isEmpty() ? null : thread),
                            Sql.requiredText(rs, "message_id"));
                int number = rs.getInt("issue_number");
                Integer issue = rs.wasNull() ? null : number;
                due.add(
                    new IssueRequest(
                        rs.getLong("id"),
                        IssueRequestKind.valueOf(Sql.requiredText(rs, "kind")),
                        new AlertId(rs.getLong("alert_id")),
                        issue,
                        under,
                        Sql.requiredText(rs, "requested_by"),
                        rs.getString("priority"),
                        rs.getString("assignee"),
                        rs.getInt("attempts")));
              }
            }
            return due;
          }
        });
  }

  @Override
  public void done(long id, Instant at) {
    finish(id, "done", null, at);
  }

  @Override
  public void failed(long id, String error, Instant at) {
    finish(id, "failed", error, at);
  }

  private void finish(long id, String state, @Nullable String error, Instant at) {
    db.execute(
        "finishing issue request " + id,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE issue_requests SET state = ?,"
                      + " finished_at = ?, last_error = COALESCE(?, last_error),"
                      + " attempts = attempts + 1 WHERE id = ?")) {
            ps.setString(1, state);
            ps.setLong(2, at.toEpochMilli());
            Sql.setText(ps, 3, error);
            ps.setLong(4, id);
            ps.executeUpdate();
          }
        });
  }

  @Override
  public void retryLater(long id, Instant notBefore, String error) {
    db.execute(
        "deferring issue request " + id,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE issue_requests SET not_before = ?,"
                      + " last_error = ?, attempts = attempts + 1 WHERE id = ?")) {
            ps.setLong(1, notBefore.toEpochMilli());
            ps.setString(2, error);
            ps.setLong(3, id);
            ps.executeUpdate();
          }
        });
  }

  @Override
  public boolean pendingFor(AlertId alert) {
    return db.transaction(
        "checking issue requests of alert " + alert,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT 1 FROM issue_requests"
                      + " WHERE alert_id = ? AND state = 'pending' AND kind IN ('FILE', 'JOIN')")) {
            ps.setLong(1, alert.value());
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next();
            }
          }
        });
  }
}
