package dev.meister.core.lease;

import java.util.Optional;

/** Whether this instance may act as the leader now, and under which lease. */
public interface Leadership {
  /**
   * The lease this instance may act under right now, judged by its own monotonic clock from its
   * last renewal; empty when it is a follower or cannot be sure it still leads.
   */
  Optional<Lease> current();

  /**
   * True for the only instance on its database (SQLite): it always leads and no lease is checked.
   */
  default boolean alone() {
    return false;
  }

  /** A single instance: always the leader, nothing to fence. */
  Leadership ALONE =
      new Leadership() {
        private final Optional<Lease> lease = Optional.of(new Lease("alone", 0));

        @Override
        public Optional<Lease> current() {
          return lease;
        }

        @Override
        public boolean alone() {
          return true;
        }
      };
}
