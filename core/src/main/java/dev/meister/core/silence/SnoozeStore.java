package dev.meister.core.silence;

import dev.meister.core.chat.AlertId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port: snoozed alerts. */
public interface SnoozeStore {
  /**
   * Snoozes the alert, replacing an earlier snooze of it (which then comes back at the new time).
   */
  void snooze(Snooze snooze);

  /** The alert's latest snooze, whether it came back already or not. */
  Optional<Snooze> snoozeOf(AlertId alert);

  /** Snoozes whose time is up at {@code now} and that have not come back, soonest first. */
  List<Snooze> dueBy(Instant now, int limit);

  /** The soonest time a snooze that has not come back is up; empty when none waits. */
  Optional<Instant> nextDue();

  /**
   * Marks the snooze of {@code alert} that ends at {@code until} as come back; false when it came
   * back already or was replaced, in which case the caller must not post again.
   */
  boolean returned(AlertId alert, Instant until, Instant at);
}
