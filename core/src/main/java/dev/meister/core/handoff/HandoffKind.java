package dev.meister.core.handoff;

import dev.meister.core.schedule.Rotation;
import dev.meister.core.schedule.WeeklyWindow;
import java.time.Instant;
import java.time.ZonedDateTime;

/** Which of seed 001's hand-offs a shift boundary is; they pass on different issues. */
public enum HandoffKind {
  /** Friday 17:00: the weekday on-call hands everything pending to the weekend on-call. */
  TO_WEEKEND,
  /** Monday 11:00: the weekend on-call hands back only the most urgent open issues. */
  FROM_WEEKEND,
  /** Any other boundary (the roster, a swap, an override): everything open passes on. */
  SHIFT;

  /**
   * The kind of the boundary at {@code at}, told by the wall clock of the rotation's weekend window
   * rather than by who is on call, so a swapped or overridden weekend is still a weekend.
   */
  public static HandoffKind at(Rotation rotation, Instant at) {
    if (rotation.weekendLayer().isEmpty()) {
      return SHIFT;
    }
    WeeklyWindow w = rotation.weekendLayer().get().window();
    ZonedDateTime t = at.atZone(rotation.zone());
    if (t.getDayOfWeek() == w.startDay() && t.toLocalTime().equals(w.startTime())) {
      return TO_WEEKEND;
    }
    if (t.getDayOfWeek() == w.endDay() && t.toLocalTime().equals(w.endTime())) {
      return FROM_WEEKEND;
    }
    return SHIFT;
  }
}
