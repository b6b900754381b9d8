package dev.meister.core.override;

import java.util.List;

/**
 * Everything that bends one rotation's regular schedule: overrides in creation order, swaps and
 * unavailability of its members.
 */
public record ScheduleChanges(
    List<ScheduleOverride> overrides, List<Swap> swaps, List<Unavailability> unavailability) {

  public static final ScheduleChanges NONE = new ScheduleChanges(List.of(), List.of(), List.of());

  public ScheduleChanges {
    overrides = List.copyOf(overrides);
    swaps = List.copyOf(swaps);
    unavailability = List.copyOf(unavailability);
  }
}
