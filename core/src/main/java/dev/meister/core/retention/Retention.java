package dev.meister.core.retention;

import dev.meister.core.timing.DueWork;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prunes what is older than the retention period ({@code storage.retention}, 30 days by default),
 * so an alert storm does not grow the database without bound. It deletes in small batches, each its
 * own transaction, so the write lock is never held for long and webhooks keep committing in
 * between; a run stops after a few batches per kind and asks to be run again at once, so the other
 * timed work is not held up either. Alerts, acknowledgements, issues and the log book are never
 * touched.
 */
public final class Retention implements DueWork {
  /** Rows per transaction: a few milliseconds of SQLite's write lock. */
  public static final int BATCH = 500;

  private static final Logger log = LoggerFactory.getLogger(Retention.class);

  private final RetentionStore store;
  private final Duration keep;
  private final Duration every;
  private final int batch;
  private final int batchesPerRun;

  /**
   * @param keep how long rows are kept
   */
  public Retention(RetentionStore store, Duration keep) {
    this(store, keep, Duration.ofHours(1), BATCH, 20);
  }

  /**
   * @param every how often it runs when nothing is left to prune
   * @param batch rows per transaction
   * @param batchesPerRun transactions per kind before a run yields to the other timed work
   */
  public Retention(
      RetentionStore store, Duration keep, Duration every, int batch, int batchesPerRun) {
    if (keep.isNegative() || keep.isZero()) {
      throw new IllegalArgumentException("the retention period must be longer than 0");
    }
    if (batch < 1 || batchesPerRun < 1) {
      throw new IllegalArgumentException("batch and batchesPerRun must be at least 1");
    }
    this.store = store;
    this.keep = keep;
    this.every = every;
    this.batch = batch;
    this.batchesPerRun = batchesPerRun;
  }

  @Override
  public String name() {
    return "retention";
  }

  @Override
  public Optional<Instant> runDue(Instant now) {
    Instant before = now.minus(keep);
    Map<Prunable, Integer> pruned = new EnumMap<>(Prunable.class);
    boolean more = false;
    for (Prunable kind : Prunable.values()) {
      int total = 0;
      int last = batch;
      for (int i = 0; i < batchesPerRun && last == batch; i++) {
        last = store.prune(kind, before, batch);
        total += last;
      }
      more |= last == batch;
      if (total > 0) {
        pruned.put(kind, total);
      }
    }
    if (!pruned.isEmpty()) {
      log.info("retention pruned rows older than {}: {}", before, pruned);
    }
    // More left: again at once (the timekeeper waits a second), after the other work had its turn.
    return Optional.of(more ? now : now.plus(every));
  }
}
