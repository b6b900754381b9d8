package dev.meister.core.schedule;

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

  /** These changes, then {@code later}'s: later overrides win where they overlap. */
  public ScheduleChanges followedBy(ScheduleChanges later) {
    return new ScheduleChanges(
        concat(overrides, later.overrides),
        concat(swaps, later.swaps),
        concat(unavailability, later.unavailability));
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    List<T> all = new java.util.ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
