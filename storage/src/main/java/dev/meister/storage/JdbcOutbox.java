package dev.meister.storage;

import dev.meister.core.alert.AlertId;
import dev.meister.core.chat.ChatRef;
import dev.meister.core.chat.MessageRef;
import dev.meister.core.chat.Platform;
import dev.meister.core.delivery.DeliveryKind;
import dev.meister.core.delivery.Outbox;
import dev.meister.core.delivery.OutboxEntry;
import dev.meister.core.delivery.PendingMessage;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The outbox table. Delivered and failed rows stay for inspection. */
public final class JdbcOutbox implements Outbox {
  /**
   * Due entries in queue order, except those behind an entry of the same chat that must still
   * wait. The waiting entries are few (a rate-limited or unreachable chat), so they are found first
   * and joined, rather than checked row by row against a chat's whole queue.
   */
  private static final String DUE = "WITH waiting AS (SELECT platform, chat_id, thread_id,"
      + " MIN(id) AS first_id FROM outbox WHERE state = 'pending' AND not_before > ?"
      + " GROUP BY platform, chat_id, thread_id)"
      + " SELECT o.* FROM outbox o LEFT JOIN waiting w ON w.platform = o.platform"
      + " AND w.chat_id = o.chat_id AND w.thread_id = o.thread_id"
      + " WHERE o.state = 'pending' AND o.not_before <= ?"
      + " AND (w.first_id IS NULL OR o.id < w.first_id)"
      + " ORDER BY o.id LIMIT ?";

  private final Database db;
  private final Clock clock;

  public JdbcOutbox(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  @Override
  public long enqueue(PendingMessage m) {
    return db.transaction("queueing a message to " + m.chat(), c -> {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO outbox (kind, platform,"
          + " chat_id, thread_id, target_message_id, alert_id, body, state, attempts, not_before,"
          + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?) RETURNING id")) {
        ChatRef chat = m.chat();
        ps.setString(1, m.kind().name());
        ps.setString(2, chat.platform().name());
        ps.setString(3, chat.chatId());
        ps.setString(4, chat.threadId() == null ? "" : chat.threadId());
        Sql.setText(ps, 5, m.target() == null ? null : m.target().messageId());
        if (m.alert() == null) {
          ps.setNull(6, java.sql.Types.BIGINT);
        } else {
          ps.setLong(6, m.alert().value());
        }
        ps.setString(7, MessageCodec.write(m.message()));
        long now = clock.millis();
        ps.setLong(8, now);
        ps.setLong(9, now);
        return Sql.returnedId(ps);
      }
    });
  }

  @Override
  public List<OutboxEntry> due(Instant now, int limit) {
    return db.transaction("reading due outbox entries", c -> {
      try (PreparedStatement ps = c.prepareStatement(DUE)) {
        ps.setLong(1, now.toEpochMilli());
        ps.setLong(2, now.toEpochMilli());
        ps.setInt(3, limit);
        List<OutboxEntry> entries = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            entries.add(entry(rs));
          }
        }
        return entries;
      }
    });
  }

  private static OutboxEntry entry(ResultSet rs) throws SQLException {
    String thread = Sql.requiredText(rs, "thread_id");
    ChatRef chat = new ChatRef(Platform.valueOf(Sql.requiredText(rs, "platform")),
        Sql.requiredText(rs, "chat_id"), thread.isEmpty() ? null : thread);
    String target = rs.getString("target_message_id");
    long alert = rs.getLong("alert_id");
    AlertId alertId = rs.wasNull() ? null : new AlertId(alert);
    PendingMessage m = new PendingMessage(DeliveryKind.valueOf(Sql.requiredText(rs, "kind")), chat,
        target == null ? null : new MessageRef(chat, target),
        MessageCodec.read(Sql.requiredText(rs, "body")), alertId);
    return new OutboxEntry(rs.getLong("id"), m, rs.getInt("attempts"),
        Sql.requiredInstant(rs, "not_before"));
  }

  @Override
  public void delivered(long id, @Nullable MessageRef sent, Instant at) {
    db.execute("marking outbox entry " + id + " delivered", c -> {
      try (PreparedStatement ps = c.prepareStatement("UPDATE outbox SET state = 'delivered',"
          + " finished_at = ?, sent_message_id = ?, last_error = NULL WHERE id = ?")) {
        ps.setLong(1, at.toEpochMilli());
        Sql.setText(ps, 2, sent == null ? null : sent.messageId());
        ps.setLong(3, id);
        ps.executeUpdate();
      }
      if (sent != null) {
        try (PreparedStatement ps =
            c.prepareStatement("SELECT alert_id FROM outbox WHERE id = ?")) {
          ps.setLong(1, id);
          try (ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
              long alert = rs.getLong(1);
              if (!rs.wasNull()) {
                JdbcMessageLinkStore.insert(c, sent, new AlertId(alert));
              }
            }
          }
        }
      }
    });
  }

  @Override
  public void retryLater(long id, Instant notBefore, String error) {
    db.execute("rescheduling outbox entry " + id, c -> {
      try (PreparedStatement ps = c.prepareStatement("UPDATE outbox SET attempts = attempts + 1,"
          + " not_before = ?, last_error = ? WHERE id = ? AND state = 'pending'")) {
        ps.setLong(1, notBefore.toEpochMilli());
        ps.setString(2, error);
        ps.setLong(3, id);
        ps.executeUpdate();
      }
    });
  }

  @Override
  public void failed(long id, String error, Instant at) {
    db.execute("marking outbox entry " + id + " failed", c -> {
      try (PreparedStatement ps = c.prepareStatement("UPDATE outbox SET state = 'failed',"
          + " attempts = attempts + 1, finished_at = ?, last_error = ? WHERE id = ?")) {
        ps.setLong(1, at.toEpochMilli());
        ps.setString(2, error);
        ps.setLong(3, id);
        ps.executeUpdate();
      }
    });
  }

  @Override
  public void fold(long id) {
    db.execute("folding outbox entry " + id + " into a digest", c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE outbox SET state = 'folded' WHERE id = ? AND state = 'pending'")) {
        ps.setLong(1, id);
        ps.executeUpdate();
      }
    });
  }

  @Override
  public List<OutboxEntry> folded(int limit) {
    return db.transaction("reading folded outbox entries", c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT * FROM outbox WHERE state = 'folded' ORDER BY id LIMIT ?")) {
        ps.setInt(1, limit);
        List<OutboxEntry> entries = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            entries.add(entry(rs));
          }
        }
        return entries;
      }
    });
  }

  @Override
  public void digested(List<Long> ids, Instant at) {
    db.execute("marking " + ids.size() + " folded entries digested", c -> {
      try (PreparedStatement ps = c.prepareStatement("UPDATE outbox SET state = 'digested',"
          + " finished_at = ? WHERE id = ? AND state = 'folded'")) {
        for (long id : ids) {
          ps.setLong(1, at.toEpochMilli());
          ps.setLong(2, id);
          ps.addBatch();
        }
        ps.executeBatch();
      }
    });
  }

  @Override
  public int pendingCount() {
    return db.transaction("counting pending outbox entries", c -> {
      try (PreparedStatement ps =
              c.prepareStatement("SELECT COUNT(*) FROM outbox WHERE state = 'pending'");
          ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    });
  }
}
