package dev.meister.storage;

import dev.meister.core.chat.AlertId;
import dev.meister.core.chat.ChatRef;
import dev.meister.core.chat.MessageLinkStore;
import dev.meister.core.chat.MessageRef;
import dev.meister.core.chat.Platform;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Chat messages of alerts, keyed by platform, chat and message id: the alert's own in {@code
 * message_links}, the bot's answers about it in {@code answer_links}.
 */
public final class JdbcMessageLinkStore implements MessageLinkStore {
  private final Database db;

  public JdbcMessageLinkStore(Database db) {
    this.db = db;
  }

  @Override
  public void link(MessageRef message, AlertId alert) {
    db.execute(
        "linking message " + message.messageId() + " to alert " + alert,
        c -> {
          insert(c, message, alert);
        });
  }

  @Override
  public void linkAnswer(MessageRef message, AlertId alert) {
    db.execute(
        "linking answer " + message.messageId() + " to alert " + alert,
        c -> {
          insertAnswer(c, message, alert);
        });
  }

  @Override
  public void linkMirror(MessageRef message, AlertId alert) {
    db.execute(
        "linking mirror " + message.messageId() + " to alert " + alert,
        c -> {
          insertMirror(c, message, alert);
        });
  }

  /** Links inside an ongoing transaction; a second link of the same message is ignored. */
  static void insert(Connection c, MessageRef message, AlertId alert) throws SQLException {
    insert(c, "message_links", message, alert, false);
  }

  /**
   * Links a copy in a mirror chat inside an ongoing transaction. In {@code message_links}, so a
   * reply or press there finds the alert like any of its messages, flagged so the thread stays in
   * the first chat.
   */
  static void insertMirror(Connection c, MessageRef message, AlertId alert) throws SQLException {
    insert(c, "message_links", message, alert, true);
  }

  /** Links an answer inside an ongoing transaction; a second link is ignored. */
  static void insertAnswer(Connection c, MessageRef message, AlertId alert) throws SQLException {
    insert(c, "answer_links", message, alert, false);
  }

  private static void insert(
      Connection c, String table, MessageRef message, AlertId alert, boolean mirror)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO "
                + table
                + " (platform, chat_id, message_id, thread_id, alert_id"
                + (mirror ? ", mirror) VALUES (?, ?, ?, ?, ?, 1)" : ") VALUES (?, ?, ?, ?, ?)")
                + " ON CONFLICT (platform, chat_id, message_id) DO NOTHING")) {
      ChatRef chat = message.chat();
      ps.setString(1, chat.platform().name());
      ps.setString(2, chat.chatId());
      ps.setString(3, message.messageId());
      ps.setString(4, chat.threadId() == null ? "" : chat.threadId());
      ps.setLong(5, alert.value());
      ps.executeUpdate();
    }
  }

  @Override
  public Optional<AlertId> alertFor(MessageRef message) {
    return find("message_links", message);
  }

  @Override
  public Optional<AlertId> alertAnsweredBy(MessageRef message) {
    return find("answer_links", message);
  }

  private Optional<AlertId> find(String table, MessageRef message) {
    return db.transaction(
        "finding the alert of message " + message.messageId(),
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT alert_id FROM "
                      + table
                      + " WHERE platform = ? AND chat_id = ? AND message_id = ?")) {
            ps.setString(1, message.chat().platform().name());
            ps.setString(2, message.chat().chatId());
            ps.setString(3, message.messageId());
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? Optional.of(new AlertId(rs.getLong(1))) : Optional.empty();
            }
          }
        });
  }

  @Override
  public List<MessageRef> messagesFor(AlertId alert) {
    return list(alert, false);
  }

  @Override
  public List<MessageRef> mirrorsFor(AlertId alert) {
    return list(alert, true);
  }

  private List<MessageRef> list(AlertId alert, boolean mirrors) {
    return db.transaction(
        "listing messages of alert " + alert,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT * FROM message_links WHERE alert_id = ? AND mirror = ? ORDER BY rowid")) {
            ps.setLong(1, alert.value());
            ps.setInt(2, mirrors ? 1 : 0);
            List<MessageRef> all = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                String thread = Sql.requiredText(rs, "thread_id");
                all.add(
                    new MessageRef(
                        new ChatRef(
                            Platform.valueOf(Sql.requiredText(rs, "platform")),
                            Sql.requiredText(rs, "chat_id"),
                            thread.isEmpty() ? null : thread),
                        Sql.requiredText(rs, "message_id")));
              }
            }
            return all;
          }
        });
  }
}
