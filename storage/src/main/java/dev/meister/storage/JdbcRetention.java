package dev.meister.storage;

import dev.meister.core.retention.Prunable;
import dev.meister.core.retention.RetentionStore;
import java.sql.PreparedStatement;
import java.time.Instant;

/**
 * Deletes old rows in bounded batches. Each batch picks its rows by a sub-select with {@code LIMIT}
 * (neither SQLite nor PostgreSQL takes {@code DELETE ... LIMIT}), oldest ids first, over the
 * indexes of V22, and commits on its own, so SQLite's write lock is held for one batch only.
 */
public final class JdbcRetention implements RetentionStore {
  private static final String STATUS_POSTS =
      "DELETE FROM status_posts WHERE (board, day, platform, chat_id, thread_id) IN"
          + " (SELECT board, day, platform, chat_id, thread_id FROM status_posts"
          + " WHERE stop_at < ? ORDER BY stop_at LIMIT ?)";

  /**
   * Delivered, or announced in a storm digest; never pending or failed. Rows a kept row points at
   * (by foreign key on PostgreSQL) stay: a status post's message, the answer to an issue report or
   * a question, which replies find their way back by.
   */
  private static final String DELIVERED_MESSAGES =
      "DELETE FROM outbox WHERE id IN (SELECT o.id FROM outbox o"
          + " WHERE o.state IN ('delivered', 'digested') AND o.finished_at < ?"
          + " AND NOT EXISTS (SELECT 1 FROM status_posts s WHERE s.outbox_id = o.id)"
          + " AND NOT EXISTS (SELECT 1 FROM issue_reports r WHERE r.answer_entry = o.id)"
          + " AND NOT EXISTS (SELECT 1 FROM questions q WHERE q.answer_entry = o.id)"
          + " ORDER BY o.id LIMIT ?)";

  /** The latest success of each build stays: it answers "when did this last succeed". */
  private static final String RUN_SUCCESSES =
      "DELETE FROM run_successes WHERE id IN (SELECT r.id FROM run_successes r"
          + " WHERE r.occurred_at < ? AND EXISTS (SELECT 1 FROM run_successes n"
          + " WHERE n.repo = r.repo AND n.workflow = r.workflow AND n.branch = r.branch"
          + " AND n.source = r.source AND n.occurred_at > r.occurred_at)"
          + " ORDER BY r.id LIMIT ?)";

  private final Database db;

  public JdbcRetention(Database db) {
    this.db = db;
  }

  @Override
  public int prune(Prunable kind, Instant before, int limit) {
    String sql =
        switch (kind) {
          case STATUS_POSTS -> STATUS_POSTS;
          case DELIVERED_MESSAGES -> DELIVERED_MESSAGES;
          case RUN_SUCCESSES -> RUN_SUCCESSES;
        };
    return db.transaction(
        "pruning old " + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '),
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, before.toEpochMilli());
            ps.setInt(2, limit);
            return ps.executeUpdate();
          }
        });
  }
}
