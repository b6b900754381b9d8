package dev.meister.core.handoff;

import dev.meister.core.validation.Checks;
import java.time.Duration;

/**
 * How long a hand-off may wait for its confirmations.
 *
 * @param remindAfter after the boundary, remind both members
 * @param escalateAfter after the boundary, tag the team lead
 * @param announceWithin a boundary older than this when the bot first sees it (it was down) is
 *     recorded but not announced: an announcement days late helps nobody
 */
public record HandoffPolicy(Duration remindAfter, Duration escalateAfter, Duration announceWithin) {
  public HandoffPolicy {
    Checks.check(
        !remindAfter.isNegative() && !remindAfter.isZero(), "remind_after must be positive");
    Checks.check(
        escalateAfter.compareTo(remindAfter) > 0, "escalate_after must be later than remind_after");
    Checks.check(
        !announceWithin.isNegative() && !announceWithin.isZero(),
        "announceWithin must be positive");
  }

  public static HandoffPolicy defaults() {
    return new HandoffPolicy(Duration.ofHours(4), Duration.ofHours(8), Duration.ofDays(1));
  }
}
