package dev.meister.core.schedule;

import java.time.DayOfWeek;
import java.time.LocalTime;

/**
 * The local wall-clock moment shifts change hands, e.g. Monday 11:00. The zone is the rotation's.
 *
 * @param day the weekday of the hand-off (for day-based shifts that are whole weeks)
 * @param time local time of the hand-off, truncated to minutes
 */
public record HandoffMoment(DayOfWeek day, LocalTime time) {
  public HandoffMoment {
    time = time.withSecond(0).withNano(0);
  }

  @Override
  public String toString() {
    return day + " " + time;
  }
}
