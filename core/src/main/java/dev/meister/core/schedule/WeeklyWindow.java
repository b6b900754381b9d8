package dev.meister.core.schedule;

import dev.meister.core.validation.Checks;
import java.time.DayOfWeek;
import java.time.LocalTime;

/**
 * A window that recurs every week in the rotation's zone, e.g. Friday 17:00 to Monday 11:00. It may
 * wrap past Sunday; it is shorter than a week.
 */
public record WeeklyWindow(
    DayOfWeek startDay, LocalTime startTime, DayOfWeek endDay, LocalTime endTime) {
  public WeeklyWindow {
    startTime = startTime.withSecond(0).withNano(0);
    endTime = endTime.withSecond(0).withNano(0);
    Checks.check(
        !(startDay == endDay && startTime.equals(endTime)),
        "a weekly window must not start and end at the same moment");
  }

  @Override
  public String toString() {
    return startDay + " " + startTime + " to " + endDay + " " + endTime;
  }
}
