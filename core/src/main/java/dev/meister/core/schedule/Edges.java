package dev.meister.core.schedule;

import java.time.Instant;

/** Folds for finding the nearest change point on either side of an instant. */
final class Edges {
  private Edges() {}

  /** {@code candidate} if it lies after {@code t} and before {@code best}, else {@code best}. */
  static Instant earliestAfter(Instant t, Instant best, Instant candidate) {
    return candidate.isAfter(t) && candidate.isBefore(best) ? candidate : best;
  }

  /** {@code candidate} if it lies at or before {@code t}, after {@code best} else {@code best}. */
  static Instant latestAtOrBefore(Instant t, Instant best, Instant candidate) {
    return !candidate.isAfter(t) && candidate.isAfter(best) ? candidate : best;
  }
}
