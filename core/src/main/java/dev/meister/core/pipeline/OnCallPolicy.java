package dev.meister.core.pipeline;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;

/** Who looks at a failure of the pipeline, and when (seed 004's "On-call schedule"). */
public sealed interface OnCallPolicy {
  /** The route's rotation, as for any alert: the default. */
  record Rotation() implements OnCallPolicy {}

  /**
   * "If pipeline fails, it will be debugged by team during work hours": a failure outside them is
   * posted without pinging anyone, and the owners are tagged when work hours next start.
   */
  record DuringWorkHours(WorkHours hours) implements OnCallPolicy {}

  /**
   * "No on-call … DE need to check the pipeline every week": failures ping no one, and every {@code
   * every} (counted in weeks from a Monday) at {@code at} in {@code zone} the owners get the runs
   * of the period.
   */
  record NoOnCall(Duration every, DayOfWeek day, LocalTime at, ZoneId zone)
      implements OnCallPolicy {
    public NoOnCall {
      if (every.toDays() < 1 || every.toDays() % 7 != 0) {
        throw new IllegalArgumentException("check_every must be a number of weeks, e.g. 1w");
      }
    }

    /**
     * The latest reminder at or before {@code now}. Periods longer than a week count from the
     * epoch's first {@code day}, so every instance of the bot agrees on the weeks.
     */
    public Instant latestAtOrBefore(Instant now) {
      ZonedDateTime local = now.atZone(zone);
      ZonedDateTime t =
          local.with(TemporalAdjusters.previousOrSame(day)).with(at).withSecond(0).withNano(0);
      if (t.isAfter(local)) {
        t = t.minusWeeks(1);
      }
      long weeks = every.toDays() / 7;
      long index = Math.floorDiv(t.toLocalDate().toEpochDay(), 7);
      return t.minusWeeks(Math.floorMod(index, weeks)).toInstant();
    }

    /** The first reminder after {@code now}. */
    public Instant nextAfter(Instant now) {
      Instant latest = latestAtOrBefore(now);
      return latest.atZone(zone).plusWeeks(every.toDays() / 7).toInstant();
    }
  }

  /** Whether an alert received at {@code at} is posted without pinging anyone. */
  default boolean silencesAt(Instant at) {
    if (this instanceof DuringWorkHours w) {
      return !w.hours().contains(at);
    }
    return this instanceof NoOnCall;
  }
}
