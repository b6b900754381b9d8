package dev.meister.storage;

import dev.meister.core.alert.PaceBucket;
import dev.meister.core.alert.PaceBuckets;
import dev.meister.core.chat.ChatRef;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;

/**
 * The {@code storm_pace} table: each chat's storm allowance, shared by every instance on the
 * database. Read with the row locked (PostgreSQL's {@code FOR UPDATE}) inside the intake's
 * transaction, so two instances taking a storm's webhooks at once take turns on a chat's allowance
 * instead of each spending all of it.
 */
public final class JdbcPaceBuckets implements PaceBuckets {
  private static final long NANOS = 1_000_000_000L;

  private final Database db;

  public JdbcPaceBuckets(Database db) {
    this.db = db;
  }

  @Override
  public Optional<PaceBucket> get(ChatRef chat) {
    return db.transaction(
        "reading the storm pace of " + chat,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT credit, refilled_at FROM storm_pace"
                      + " WHERE platform = ? AND chat_id = ? AND thread_id = ?"
                      + (db.vendor() == Vendor.POSTGRESQL ? " FOR UPDATE" : ""))) {
            bind(ps, chat);
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                return Optional.empty();
              }
              long at = rs.getLong(2);
              return Optional.of(
                  new PaceBucket(
                      rs.getLong(1), Instant.ofEpochSecond(at / NANOS, Math.floorMod(at, NANOS))));
            }
          }
        });
  }

  @Override
  public void put(ChatRef chat, PaceBucket bucket) {
    db.execute(
        "keeping the storm pace of " + chat,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO storm_pace (platform, chat_id, thread_id, credit, refilled_at)"
                      + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (platform, chat_id, thread_id)"
                      + " DO UPDATE SET credit = excluded.credit,"
                      + " refilled_at = excluded.refilled_at")) {
            bind(ps, chat);
            ps.setLong(4, bucket.credit());
            Instant at = bucket.refilledAt();
            ps.setLong(
                5, Math.addExact(Math.multiplyExact(at.getEpochSecond(), NANOS), at.getNano()));
            ps.executeUpdate();
          }
        });
  }

  private static void bind(PreparedStatement ps, ChatRef chat) throws java.sql.SQLException {
    ps.setString(1, chat.platform().name());
    ps.setString(2, chat.chatId());
    ps.setString(3, chat.threadId() == null ? "" : chat.threadId());
  }
}
