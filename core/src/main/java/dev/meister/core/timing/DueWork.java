package dev.meister.core.timing;

import java.time.Instant;
import java.util.Optional;

/**
 * Timed work that keeps its own state in storage: each call does everything due at or before {@code
 * now} that has not been done yet, records it as done, and says when the next thing falls due.
 * Calling it twice for the same {@code now} does nothing the second time, so a scheduler may wake
 * it early, late or repeatedly, and a restart loses nothing.
 */
public interface DueWork {
  /** A short name for logs, e.g. {@code handoffs}. */
  String name();

  /**
   * Does what is due at or before {@code now}.
   *
   * @return when the next thing falls due, if known; the caller also polls now and then, so work
   *     may answer empty when its next moment depends on events (an acknowledgement, a webhook)
   */
  Optional<Instant> runDue(Instant now);

  /** The earlier of two optional instants. */
  static Optional<Instant> earliest(Optional<Instant> a, Optional<Instant> b) {
    if (a.isEmpty()) {
      return b;
    }
    if (b.isEmpty()) {
      return a;
    }
    return a.get().isBefore(b.get()) ? a : b;
  }
}
