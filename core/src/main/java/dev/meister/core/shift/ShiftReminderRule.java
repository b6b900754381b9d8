package dev.meister.core.shift;

import dev.meister.core.schedule.RotationId;
import dev.meister.core.validation.Checks;
import java.time.Duration;
import java.util.Optional;

/**
 * How one rotation's shifts are announced.
 *
 * @param before how long before a boundary the incoming member is reminded, e.g. a day
 * @param handshake whether the rotation uses the hand-off handshake; without it the chat hears
 *     "@bob is on call now" at each boundary instead
 * @param meeting the length of the on-call transition meeting the reminder proposes, ending at the
 *     boundary; empty for none
 */
public record ShiftReminderRule(
    RotationId rotation, Duration before, boolean handshake, Optional<Duration> meeting) {
  public ShiftReminderRule {
    Checks.check(!before.isNegative() && !before.isZero(), "before must be positive");
    meeting.ifPresent(
        m -> Checks.check(!m.isNegative() && !m.isZero(), "meeting must be positive"));
  }
}
