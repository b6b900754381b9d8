package dev.meister.storage;

import dev.meister.core.chat.ChatRef;
import dev.meister.core.chat.Platform;
import dev.meister.core.status.StatusPost;
import dev.meister.core.status.StatusPostStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The status posts made. The delivered message id is read from the post's outbox row, so it is
 * known as soon as the outbox worker has sent the post, with no second write.
 */
public final class JdbcStatusPostStore implements StatusPostStore {
  private static final String SELECT =
      "SELECT s.*, o.sent_message_id FROM status_posts s"
          + " LEFT JOIN outbox o ON o.id = s.outbox_id AND o.state = 'delivered'";

  private final Database db;

  public JdbcStatusPostStore(Database db) {
    this.db = db;
  }

  @Override
  public Optional<StatusPost> find(String board, LocalDate day, ChatRef chat) {
    return db.transaction(
        "finding the status post of " + board + " on " + day,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  SELECT
                      + " WHERE s.board = ? AND s.day = ?"
                      + " AND s.platform = ? AND s.chat_id = ? AND s.thread_id = ?")) {
            ps.setString(1, board);
            ps.setString(2, day.toString());
            setChat(ps, 3, chat);
            return posts(ps).stream().findFirst();
          }
        });
  }

  @Override
  public void create(StatusPost post) {
    db.execute(
        "recording the status post of " + post.board(),
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO status_posts (board, day,"
                      + " platform, chat_id, thread_id, outbox_id, body, stop_at, polled_at, finished)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            ps.setString(1, post.board());
            ps.setString(2, post.day().toString());
            setChat(ps, 3, post.chat());
            ps.setLong(6, post.outboxId());
            ps.setString(7, post.text());
            ps.setLong(8, post.stopAt().toEpochMilli());
            Sql.setInstant(ps, 9, post.polledAt());
            ps.setInt(10, post.finished() ? 1 : 0);
            ps.executeUpdate();
          }
        });
  }

  @Override
  public void update(StatusPost post) {
    db.execute(
        "updating the status post of " + post.board(),
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE status_posts SET body = ?,"
                      + " polled_at = ?, finished = ? WHERE board = ? AND day = ? AND platform = ?"
                      + " AND chat_id = ? AND thread_id = ?")) {
            ps.setString(1, post.text());
            Sql.setInstant(ps, 2, post.polledAt());
            ps.setInt(3, post.finished() ? 1 : 0);
            ps.setString(4, post.board());
            ps.setString(5, post.day().toString());
            setChat(ps, 6, post.chat());
            ps.executeUpdate();
          }
        });
  }

  @Override
  public List<StatusPost> active() {
    return db.transaction(
        "listing the status posts still followed",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(SELECT + " WHERE s.finished = 0 ORDER BY s.day, s.outbox_id")) {
            return posts(ps);
          }
        });
  }

  @Override
  public Optional<StatusPost> latest(String board) {
    return db.transaction(
        "finding the latest status post of " + board,
        c -> {
          // Days are ISO dates, so text order is date order; a post never polled sorts last.
          try (PreparedStatement ps =
              c.prepareStatement(
                  SELECT
                      + " WHERE s.board = ? ORDER BY s.day DESC,"
                      + " COALESCE(s.polled_at, 0) DESC, s.outbox_id DESC LIMIT 1")) {
            ps.setString(1, board);
            return posts(ps).stream().findFirst();
          }
        });
  }

  private static void setChat(PreparedStatement ps, int first, ChatRef chat) throws SQLException {
    ps.setString(first, chat.platform().name());
    ps.setString(first + 1, chat.chatId());
    ps.setString(first + 2, chat.threadId() == null ? "" : chat.threadId());
  }

  private static List<StatusPost> posts(PreparedStatement ps) throws SQLException {
    List<StatusPost> posts = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        String thread = Sql.requiredText(rs, "thread_id");
        ChatRef chat =
            new ChatRef(
                Platform.valueOf(Sql.requiredText(rs, "platform")),
                Sql.requiredText(rs, "chat_id"),
                thread.isEmpty() ? null : thread);
        posts.add(
            new StatusPost(
                Sql.requiredText(rs, "board"),
                LocalDate.parse(Sql.requiredText(rs, "day")),
                chat,
                rs.getLong("outbox_id"),
                rs.getString("sent_message_id"),
                Sql.requiredText(rs, "body"),
                Sql.requiredInstant(rs, "stop_at"),
                Sql.instant(rs, "polled_at"),
                rs.getInt("finished") == 1));
      }
    }
    return posts;
  }
}
