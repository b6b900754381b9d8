package dev.meister.core.escalation;

import dev.meister.core.validation.Checks;
import java.time.Duration;
import java.time.Instant;

/**
 * "Fix it or revert" reminders about a red build: the first {@code after} its alert, then one every
 * {@code every}, until a later run of the same workflow and branch succeeds. Reminders missed while
 * the bot was down collapse into one.
 */
public record FixOrRevertSchedule(Duration after, Duration every) {
  public FixOrRevertSchedule {
    Checks.check(!after.isNegative() && !after.isZero(), "after must be positive");
    Checks.check(!every.isNegative() && !every.isZero(), "every must be positive");
  }

  /** The number of the reminder due at {@code now} for a failure at {@code failedAt}; 0 if none. */
  public int stepAt(Instant failedAt, Instant now) {
    Instant first = failedAt.plus(after);
    if (now.isBefore(first)) {
      return 0;
    }
    return (int) (Duration.between(first, now).toMillis() / every.toMillis()) + 1;
  }

  /** When reminder number {@code step} falls due. */
  public Instant dueAt(Instant failedAt, int step) {
    return failedAt.plus(after).plus(every.multipliedBy(step - 1L));
  }
}
