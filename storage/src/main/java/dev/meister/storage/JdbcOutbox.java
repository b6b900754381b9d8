package dev.meister.storage;

import dev.meister.core.chat.AlertId;
import dev.meister.core.chat.ChatRef;
import dev.meister.core.chat.MessageRef;
import dev.meister.core.chat.Platform;
import dev.meister.core.delivery.DeliveryKind;
import dev.meister.core.delivery.LinkKind;
import dev.meister.core.delivery.Outbox;
import dev.meister.core.delivery.OutboxEntry;
import dev.meister.core.delivery.PendingMessage;
import dev.meister.core.delivery.RecentPosts;
import dev.meister.core.lease.Leadership;
import dev.meister.core.lease.NotLeaderException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/** The outbox table. Delivered and failed rows stay for inspection. */
public final class JdbcOutbox implements Outbox {
  /**
   * The chat after the given one, walking the chat index: one seek per chat, not per row. Three
   * steps (a later thread, a later chat, a later platform), each an equality prefix and one range:
   * SQLite seeks those, while a row-value {@code (a, b, c) > (?, ?, ?)} walked every entry of the
   * chat it started from, tens of thousands in a storm.
   */
  private static final List<String> EVERY_CHAT =
      List.of(
          "SELECT platform, chat_id, thread_id FROM outbox WHERE platform = ? AND chat_id = ?"
              + " AND thread_id > ? ORDER BY platform, chat_id, thread_id LIMIT 1",
          "SELECT platform, chat_id, thread_id FROM outbox WHERE platform = ? AND chat_id > ?"
              + " ORDER BY platform, chat_id, thread_id LIMIT 1",
          "SELECT platform, chat_id, thread_id FROM outbox WHERE platform > ?"
              + " ORDER BY platform, chat_id, thread_id LIMIT 1");

  /**
   * The same walk over the chats with pending entries only, on their partial index ({@code
   * outbox_pending_chat}, V30): the delivery round's cost follows the chats with something to send,
   * not every chat whose messages were all delivered (with 650 chats that walk was most of the time
   * from a webhook to its message).
   */
  static List<String> pendingChats(Vendor vendor) {
    // SQLite's planner, without statistics, took the state index (every pending row, a storm's
    // whole backlog) for "state = 'pending'": INDEXED BY holds it to the walk, and fails loudly
    // should the index ever be missing. PostgreSQL plans from its statistics.
    String table = vendor == Vendor.SQLITE ? "outbox INDEXED BY outbox_pending_chat" : "outbox";
    return EVERY_CHAT.stream()
        .map(
            step ->
                step.replace("FROM outbox WHERE", "FROM " + table + " WHERE")
                    .replace(" ORDER BY", " AND state = 'pending' ORDER BY"))
        .toList();
  }

  /** A chat's queue from its first pending entry, in order (the outbox_chat index). */
  private static final String CHAT_QUEUE =
      "SELECT * FROM outbox WHERE platform = ?"
          + " AND chat_id = ? AND thread_id = ? AND state = 'pending' ORDER BY id LIMIT ?";

  private final Database db;
  private final Clock clock;
  private final Listeners<ChatRef> queued;
  private final JdbcLeaseStore leases;

  /** {@link #pendingChats} for this database's vendor, built once rather than every round. */
  private final List<String> pendingChatWalk;

  private volatile Leadership fence = Leadership.ALONE;

  public JdbcOutbox(Database db, Clock clock) {
    this(db, clock, new JdbcLeaseStore(db));
  }

  JdbcOutbox(Database db, Clock clock, JdbcLeaseStore leases) {
    this.db = db;
    this.clock = clock;
    this.queued = new Listeners<>(db);
    this.leases = leases;
    this.pendingChatWalk = pendingChats(db.vendor());
  }

  /**
   * From now on, marking an entry delivered first checks, in the same transaction, that {@code
   * leadership}'s lease is still the database's: an old leader that was paused or cut off and comes
   * back cannot record a delivery (it throws {@link NotLeaderException}), so the new leader, which
   * sees the entry still pending, sends it.
   */
  public void fenceWith(Leadership leadership) {
    this.fence = leadership;
  }

  /**
   * Calls {@code listener} with the chat of every message queued from now on, once the transaction
   * that queued it has committed: how the delivery worker is woken, so no service has to.
   */
  public Subscription onQueued(Consumer<ChatRef> listener) {
    return queued.add(listener);
  }

  @Override
  public long enqueue(PendingMessage m) {
    return insert(m, "pending");
  }

  @Override
  public long enqueueFolded(PendingMessage m) {
    return insert(m, "folded");
  }

  private long insert(PendingMessage m, String state) {
    return db.transaction(
        "queueing a message to " + m.chat(),
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO outbox (kind, platform,"
                      + " chat_id, thread_id, target_message_id, alert_id, body, state, attempts, not_before,"
                      + " created_at, link_kind) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)"
                      + " RETURNING id")) {
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
            ps.setString(8, state);
            long now = clock.millis();
            ps.setLong(9, now);
            ps.setLong(10, now);
            ps.setString(11, m.link().name());
            long id = Sql.returnedId(ps);
            if (state.equals("pending")) {
              // A folded entry waits for the digest worker, which has its own turn.
              queued.tellAfterCommit(chat);
            }
            return id;
          }
        });
  }

  /**
   * Due entries in queue order, except those behind an entry of the same chat that must still wait.
   * Read chat by chat from the head of each chat's queue, so the cost is the number of chats times
   * the entries taken: a chat with a long backlog waiting out a rate limit or an outage costs one
   * row per round, not its whole backlog (a storm to an unreachable chat queues thousands, and
   * every round would otherwise scan and sort them under the database lock).
   */
  @Override
  public List<OutboxEntry> due(Instant now, int limit) {
    return db.transaction(
        "reading due outbox entries",
        c -> {
          List<OutboxEntry> entries = new ArrayList<>();
          String[] chat = {"", "", ""};
          try (PreparedStatement queue = c.prepareStatement(CHAT_QUEUE);
              ChatWalk walk = new ChatWalk(c, pendingChatWalk)) {
            while (walk.next(chat)) {
              queue.setString(1, chat[0]);
              queue.setString(2, chat[1]);
              queue.setString(3, chat[2]);
              queue.setInt(4, limit);
              try (ResultSet rs = queue.executeQuery()) {
                // Entries behind one that must wait wait too.
                while (rs.next() && rs.getLong("not_before") <= now.toEpochMilli()) {
                  entries.add(entry(rs));
                }
              }
            }
          }
          entries.sort(java.util.Comparator.comparingLong(OutboxEntry::id));
          return entries.size() <= limit ? entries : new ArrayList<>(entries.subList(0, limit));
        });
  }

  /**
   * The walk over the chat index, its statements prepared once for the whole walk: the delivery
   * worker walks every chat each round, and preparing two statements per chat was most of a round's
   * cost (bench/chat.sh: with a few hundred chats, half a core at 50 alerts a second).
   */
  private static final class ChatWalk implements AutoCloseable {
    private final List<PreparedStatement> steps = new ArrayList<>();

    ChatWalk(Connection c, List<String> walk) throws SQLException {
      try {
        for (String sql : walk) {
          steps.add(c.prepareStatement(sql));
        }
      } catch (SQLException e) {
        close();
        throw e;
      }
    }

    /** Moves {@code chat} to the next chat in the index; false after the last. */
    boolean next(String[] chat) throws SQLException {
      for (int step = 0; step < steps.size(); step++) {
        PreparedStatement next = steps.get(step);
        // Step 0 binds platform, chat and thread; step 1 platform and chat; step 2 the platform.
        for (int i = 0; i < steps.size() - step; i++) {
          next.setString(i + 1, chat[i]);
        }
        try (ResultSet rs = next.executeQuery()) {
          if (rs.next()) {
            for (int i = 0; i < 3; i++) {
              chat[i] = rs.getString(i + 1);
            }
            return true;
          }
        }
      }
      return false;
    }

    @Override
    public void close() throws SQLException {
      for (PreparedStatement p : steps) {
        p.close();
      }
    }
  }

  private static List<OutboxEntry> entries(PreparedStatement ps) throws SQLException {
    List<OutboxEntry> entries = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        entries.add(entry(rs));
      }
    }
    return entries;
  }

  private static ChatRef chat(ResultSet rs) throws SQLException {
    String thread = Sql.requiredText(rs, "thread_id");
    return new ChatRef(
        Platform.valueOf(Sql.requiredText(rs, "platform")),
        Sql.requiredText(rs, "chat_id"),
        thread.isEmpty() ? null : thread);
  }

  private static OutboxEntry entry(ResultSet rs) throws SQLException {
    ChatRef chat = chat(rs);
    String target = rs.getString("target_message_id");
    long alert = rs.getLong("alert_id");
    AlertId alertId = rs.wasNull() ? null : new AlertId(alert);
    PendingMessage m =
        new PendingMessage(
            DeliveryKind.valueOf(Sql.requiredText(rs, "kind")),
            chat,
            target == null ? null : new MessageRef(chat, target),
            MessageCodec.read(Sql.requiredText(rs, "body")),
            alertId,
            LinkKind.valueOf(Sql.requiredText(rs, "link_kind")));
    return new OutboxEntry(
        rs.getLong("id"),
        m,
        rs.getInt("attempts"),
        rs.getInt("failures"),
        Sql.requiredInstant(rs, "not_before"));
  }

  @Override
  public void delivered(long id, @Nullable MessageRef sent, Instant at) {
    db.execute(
        "marking outbox entry " + id + " delivered",
        c -> {
          leases.checkLeading(c, fence);
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE outbox SET state = 'delivered',"
                      + " finished_at = ?, sent_message_id = ?, last_error = NULL WHERE id = ?")) {
            ps.setLong(1, at.toEpochMilli());
            Sql.setText(ps, 2, sent == null ? null : sent.messageId());
            ps.setLong(3, id);
            ps.executeUpdate();
          }
          if (sent != null) {
            try (PreparedStatement ps =
                c.prepareStatement("SELECT alert_id, link_kind FROM outbox WHERE id = ?")) {
              ps.setLong(1, id);
              try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                  long alert = rs.getLong(1);
                  if (rs.wasNull()) {
                    return;
                  }
                  String kind = rs.getString(2);
                  if (LinkKind.ANSWER.name().equals(kind)) {
                    JdbcMessageLinkStore.insertAnswer(c, sent, new AlertId(alert));
                  } else if (LinkKind.MIRROR.name().equals(kind)) {
                    JdbcMessageLinkStore.insertMirror(c, sent, new AlertId(alert));
                  } else {
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
    reschedule(id, notBefore, error, 1);
  }

  @Override
  public void rateLimited(long id, Instant notBefore, String error) {
    reschedule(id, notBefore, error, 0);
  }

  private void reschedule(long id, Instant notBefore, String error, int failure) {
    db.execute(
        "rescheduling outbox entry " + id,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE outbox SET attempts = attempts + 1,"
                      + " failures = failures + ?, not_before = ?, last_error = ?"
                      + " WHERE id = ? AND state = 'pending'")) {
            ps.setInt(1, failure);
            ps.setLong(2, notBefore.toEpochMilli());
            ps.setString(3, error);
            ps.setLong(4, id);
            ps.executeUpdate();
          }
        });
  }

  @Override
  public void failed(long id, String error, Instant at) {
    db.execute(
        "marking outbox entry " + id + " failed",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE outbox SET state = 'failed',"
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
    db.execute(
        "folding outbox entry " + id + " into a digest",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE outbox SET state = 'folded' WHERE id = ? AND state = 'pending'")) {
            ps.setLong(1, id);
            ps.executeUpdate();
          }
        });
  }

  @Override
  public List<OutboxEntry> folded(ChatRef chat, int limit) {
    return db.transaction(
        "reading folded outbox entries of " + chat,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT * FROM outbox WHERE platform = ?"
                      + " AND chat_id = ? AND thread_id = ? AND state = 'folded' ORDER BY id LIMIT ?")) {
            ps.setString(1, chat.platform().name());
            ps.setString(2, chat.chatId());
            ps.setString(3, chat.threadId() == null ? "" : chat.threadId());
            ps.setInt(4, limit);
            return entries(ps);
          }
        });
  }

  @Override
  public List<ChatRef> chatsWithFolded() {
    return db.transaction(
        "listing chats with folded outbox entries",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT DISTINCT platform, chat_id,"
                      + " thread_id FROM outbox WHERE state = 'folded'")) {
            List<ChatRef> chats = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                chats.add(chat(rs));
              }
            }
            return chats;
          }
        });
  }

  @Override
  public int digestFolded(ChatRef chat, Instant at) {
    return db.transaction(
        "marking the folded entries of " + chat + " digested",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE outbox SET state = 'digested',"
                      + " finished_at = ? WHERE platform = ? AND chat_id = ? AND thread_id = ?"
                      + " AND state = 'folded'")) {
            ps.setLong(1, at.toEpochMilli());
            ps.setString(2, chat.platform().name());
            ps.setString(3, chat.chatId());
            ps.setString(4, chat.threadId() == null ? "" : chat.threadId());
            return ps.executeUpdate();
          }
        });
  }

  /**
   * Walks each chat's rows newest first (the outbox_chat index, one state at a time) and stops at
   * the first one queued before {@code since}: ids and created_at rise together, as every entry is
   * queued under the database lock with the clock read then. The cost is the rows of the period
   * asked about, not the table, however long the bot has run.
   */
  @Override
  public List<RecentPosts> recentPosts(Instant since) {
    return db.transaction(
        "reading the recent posts of each chat",
        c -> {
          List<RecentPosts> recent = new ArrayList<>();
          String[] chat = {"", "", ""};
          try (ChatWalk walk = new ChatWalk(c, EVERY_CHAT)) {
            while (walk.next(chat)) {
              List<Instant> posts = new ArrayList<>();
              // Rows that went out on their own; folded and digested ones did not.
              for (String state : List.of("pending", "delivered", "failed")) {
                alertPostsSince(c, chat, state, since, posts);
              }
              posts.sort(java.util.Comparator.naturalOrder());
              Optional<Instant> digest = lastDigest(c, chat).filter(t -> !t.isBefore(since));
              if (!posts.isEmpty() || digest.isPresent()) {
                recent.add(new RecentPosts(chat(chat), posts, digest));
              }
            }
          }
          return recent;
        });
  }

  private static void alertPostsSince(
      Connection c, String[] chat, String state, Instant since, List<Instant> posts)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT created_at, kind, alert_id, link_kind"
                + " FROM outbox WHERE platform = ? AND chat_id = ? AND thread_id = ? AND state = ?"
                + " ORDER BY id DESC")) {
      bindChat(ps, chat);
      ps.setString(4, state);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long created = rs.getLong("created_at");
          if (created < since.toEpochMilli()) {
            return;
          }
          boolean alertPost =
              rs.getObject("alert_id") != null
                  && DeliveryKind.POST.name().equals(rs.getString("kind"))
                  && !LinkKind.ANSWER.name().equals(rs.getString("link_kind"));
          if (alertPost) {
            posts.add(Instant.ofEpochMilli(created));
          }
        }
      }
    }
  }

  /** When the chat's newest digested entry was marked: the time of its last digest. */
  private static Optional<Instant> lastDigest(Connection c, String[] chat) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT finished_at FROM outbox"
                + " WHERE platform = ? AND chat_id = ? AND thread_id = ? AND state = 'digested'"
                + " ORDER BY id DESC LIMIT 1")) {
      bindChat(ps, chat);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        long at = rs.getLong(1);
        return rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(at));
      }
    }
  }

  private static void bindChat(PreparedStatement ps, String[] chat) throws SQLException {
    for (int i = 0; i < 3; i++) {
      ps.setString(i + 1, chat[i]);
    }
  }

  private static ChatRef chat(String[] chat) {
    return new ChatRef(Platform.valueOf(chat[0]), chat[1], chat[2].isEmpty() ? null : chat[2]);
  }

  @Override
  public int pendingCount() {
    return db.transaction(
        "counting pending outbox entries",
        c -> {
          try (PreparedStatement ps =
                  c.prepareStatement("SELECT COUNT(*) FROM outbox WHERE state = 'pending'");
              ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
          }
        });
  }

  /**
   * The pending entries of every chat that has any, counted, with the oldest one's queueing time:
   * what {@code /metrics} reports as the outbox's depth and age. One grouped read over the {@code
   * outbox_chat} index.
   */
  public List<OutboxBacklog> backlog() {
    return db.transaction(
        "reading the outbox backlog",
        c -> {
          try (PreparedStatement ps =
                  c.prepareStatement(
                      "SELECT platform, chat_id, thread_id, COUNT(*) AS pending,"
                          + " MIN(created_at) AS oldest FROM outbox WHERE state = 'pending'"
                          + " GROUP BY platform, chat_id, thread_id"
                          + " ORDER BY platform, chat_id, thread_id");
              ResultSet rs = ps.executeQuery()) {
            List<OutboxBacklog> backlog = new ArrayList<>();
            while (rs.next()) {
              backlog.add(
                  new OutboxBacklog(
                      chat(rs), rs.getInt("pending"), Instant.ofEpochMilli(rs.getLong("oldest"))));
            }
            return backlog;
          }
        });
  }
}
