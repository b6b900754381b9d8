package dev.meister.core.retention;

import java.time.Instant;

/** Port: deletes old rows of one {@link Prunable} kind, a bounded batch per call. */
public interface RetentionStore {
  /**
   * Deletes at most {@code limit} rows of {@code kind} older than {@code before}, in one short
   * transaction of its own.
   *
   * @return how many rows were deleted; fewer than {@code limit} means none are left
   */
  int prune(Prunable kind, Instant before, int limit);
}
