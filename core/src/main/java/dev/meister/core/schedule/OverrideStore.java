package dev.meister.core.schedule;

import dev.meister.core.team.MemberId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port: where overrides, swaps and unavailability made in chat or config are kept. */
public interface OverrideStore {
  ScheduleOverride add(ScheduleOverride override);

  Swap add(Swap swap);

  Unavailability add(Unavailability unavailability);

  /** Removes an override, swap or unavailability; false if there was none with that id. */
  boolean remove(OverrideId id);

  Optional<ScheduleOverride> findOverride(OverrideId id);

  /** Overrides of a rotation that end after {@code from}, in creation order. */
  List<ScheduleOverride> overrides(RotationId rotation, Instant from);

  List<Swap> swaps(RotationId rotation);

  List<Unavailability> unavailability(MemberId member);

  List<Unavailability> allUnavailability();

  /** The changes that apply to a rotation from {@code from} on. */
  default ScheduleChanges changesFor(RotationId rotation, Instant from) {
    return new ScheduleChanges(overrides(rotation, from), swaps(rotation), allUnavailability());
  }
}
