package dev.meister.storage;

import dev.meister.core.chat.ChatRef;
import dev.meister.core.chat.MessageRef;
import dev.meister.core.chat.Platform;
import dev.meister.core.question.NewQuestion;
import dev.meister.core.question.Question;
import dev.meister.core.question.QuestionStore;
import dev.meister.core.schedule.RotationId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The questions asked in chat, in {@code questions}. */
public final class JdbcQuestionStore implements QuestionStore {
  private final Database db;

  public JdbcQuestionStore(Database db) {
    this.db = db;
  }

  @Override
  public Optional<Long> open(NewQuestion q) {
    return db.transaction(
        "tracking a question",
        c -> {
          // One row per message: a repeated delivery (or a second /triage) inserts nothing.
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO questions (rotation, platform, chat_id, thread_id, message_id,"
                      + " asked_by, text, asked_at, triaged_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                      + " ON CONFLICT (platform, chat_id, message_id) DO NOTHING RETURNING id")) {
            ChatRef chat = q.asked().chat();
            ps.setString(1, q.rotation().value());
            ps.setString(2, chat.platform().name());
            ps.setString(3, chat.chatId());
            ps.setString(4, chat.threadId() == null ? "" : chat.threadId());
            ps.setString(5, q.asked().messageId());
            ps.setString(6, q.askedBy());
            ps.setString(7, q.text());
            ps.setLong(8, q.askedAt().toEpochMilli());
            Sql.setText(ps, 9, q.triagedBy().map(m -> m.value()).orElse(null));
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? Optional.of(rs.getLong(1)) : Optional.<Long>empty();
            }
          }
        });
  }

  @Override
  public void answeredBy(long question, long outboxEntry) {
    db.execute(
        "noting the answer to question " + question,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("UPDATE questions SET answer_entry = ? WHERE id = ?")) {
            ps.setLong(1, outboxEntry);
            ps.setLong(2, question);
            ps.executeUpdate();
          }
        });
  }

  @Override
  public Optional<Question> find(long id) {
    return db.transaction(
        "reading question " + id,
        c -> {
          try (PreparedStatement ps = c.prepareStatement("SELECT * FROM questions WHERE id = ?")) {
            ps.setLong(1, id);
            return one(ps);
          }
        });
  }

  @Override
  public Optional<Question> forMessage(MessageRef message) {
    return db.transaction(
        "finding the question of a message",
        c -> {
          Optional<Question> asked = asked(c, message);
          return asked.isPresent() ? asked : answered(c, message);
        });
  }

  /** The question {@code message} is; in Slack also the thread it roots. */
  private static Optional<Question> asked(Connection c, MessageRef message) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT * FROM questions WHERE platform = ? AND chat_id = ? AND message_id = ?")) {
      ps.setString(1, message.chat().platform().name());
      ps.setString(2, message.chat().chatId());
      ps.setString(3, message.messageId());
      return one(ps);
    }
  }

  /** The question whose "noted" answer {@code message} is. */
  private static Optional<Question> answered(Connection c, MessageRef message) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT q.* FROM questions q JOIN outbox o ON o.id = q.answer_entry"
                + " WHERE o.platform = ? AND o.chat_id = ? AND o.sent_message_id = ?")) {
      ps.setString(1, message.chat().platform().name());
      ps.setString(2, message.chat().chatId());
      ps.setString(3, message.messageId());
      return one(ps);
    }
  }

  @Override
  public boolean close(long id, String closedBy, Instant at) {
    return db.transaction(
        "closing question " + id,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE questions SET closed_by = ?, closed_at = ?"
                      + " WHERE id = ? AND closed_at IS NULL")) {
            ps.setString(1, closedBy);
            ps.setLong(2, at.toEpochMilli());
            ps.setLong(3, id);
            return ps.executeUpdate() == 1;
          }
        });
  }

  @Override
  public List<Question> openFor(RotationId rotation) {
    return db.transaction(
        "reading the open questions of " + rotation.value(),
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT * FROM questions WHERE rotation = ? AND closed_at IS NULL ORDER BY id")) {
            ps.setString(1, rotation.value());
            List<Question> open = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                open.add(question(rs));
              }
            }
            return open;
          }
        });
  }

  private static Optional<Question> one(PreparedStatement ps) throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      return rs.next() ? Optional.of(question(rs)) : Optional.empty();
    }
  }

  private static Question question(ResultSet rs) throws SQLException {
    String thread = rs.getString("thread_id");
    ChatRef chat =
        new ChatRef(
            Platform.valueOf(Sql.requiredText(rs, "platform")),
            Sql.requiredText(rs, "chat_id"),
            thread == null || thread.isEmpty() ? null : thread);
    Instant closedAt = Sql.instant(rs, "closed_at");
    String closedBy = rs.getString("closed_by");
    return new Question(
        rs.getLong("id"),
        RotationId.of(Sql.requiredText(rs, "rotation")),
        new MessageRef(chat, Sql.requiredText(rs, "message_id")),
        Sql.requiredText(rs, "asked_by"),
        Sql.requiredText(rs, "text"),
        Sql.requiredInstant(rs, "asked_at"),
        closedAt == null || closedBy == null
            ? Optional.empty()
            : Optional.of(new Question.Closure(closedBy, closedAt)));
  }
}
