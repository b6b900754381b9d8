package dev.meister.core.schedule;

import dev.meister.core.team.MemberId;
import dev.meister.core.validation.Checks;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Someone covers a position of a rotation for an interval, e.g. during a vacation. Overrides win
 * over the regular roster, the weekend layer, swaps and covers. Where two overlap, the
 * later-created one wins.
 *
 * @param id storage identity; {@code null} until stored
 * @param coveredMember when set, the override applies only while this member would be on call
 * @param start inclusive
 * @param end exclusive
 */
public record ScheduleOverride(
    @Nullable OverrideId id,
    RotationId rotation,
    Position position,
    MemberId coveringMember,
    @Nullable MemberId coveredMember,
    Instant start,
    Instant end,
    @Nullable String reason) {

  public ScheduleOverride {
    Checks.check(start.isBefore(end), "an override must end after it starts");
    Checks.check(
        !coveringMember.equals(coveredMember), coveringMember + " cannot cover for themselves");
  }

  /** The id of a stored override. */
  public OverrideId storedId() {
    if (id == null) {
      throw new IllegalStateException("the override is not stored yet");
    }
    return id;
  }

  public boolean covers(Instant t) {
    return !t.isBefore(start) && t.isBefore(end);
  }

  public boolean overlaps(ScheduleOverride other) {
    return rotation.equals(other.rotation)
        && position == other.position
        && start.isBefore(other.end)
        && other.start.isBefore(end);
  }

  public ScheduleOverride withId(OverrideId newId) {
    return new ScheduleOverride(
        newId, rotation, position, coveringMember, coveredMember, start, end, reason);
  }
}
