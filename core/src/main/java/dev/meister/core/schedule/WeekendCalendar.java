package dev.meister.core.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.OptionalLong;

/**
 * The occurrences of a weekend window. Occurrence 0 is the first window starting at or after the
 * rotation's first shift; earlier ones have negative indexes. Each runs from its start day and time
 * to the next end day and time after it, read in the rotation's zone.
 */
final class WeekendCalendar {
  private final WeeklyWindow window;
  private final ZoneId zone;
  private final LocalDate firstStartDay;
  private final int lengthInDays;

  WeekendCalendar(WeeklyWindow window, ZoneId zone, Instant firstShiftStart) {
    this.window = window;
    this.zone = zone;
    LocalDate candidate =
        LocalDateTime.ofInstant(firstShiftStart, zone)
            .toLocalDate()
            .with(TemporalAdjusters.nextOrSame(window.startDay()));
    if (startOn(candidate).isBefore(firstShiftStart)) {
      candidate = candidate.plusWeeks(1);
    }
    this.firstStartDay = candidate;
    int days = Math.floorMod(window.endDay().getValue() - window.startDay().getValue(), 7);
    if (days == 0 && !window.endTime().isAfter(window.startTime())) {
      days = 7;
    }
    this.lengthInDays = days;
  }

  Instant start(long occurrence) {
    return startOn(firstStartDay.plusWeeks(occurrence));
  }

  Instant end(long occurrence) {
    LocalDate endDay = firstStartDay.plusWeeks(occurrence).plusDays(lengthInDays);
    return ZonedDateTime.of(endDay, window.endTime(), zone).toInstant();
  }

  /** The occurrence containing {@code t}, if any. */
  OptionalLong occurrenceAt(Instant t) {
    long guess = guess(t);
    for (long i = guess - 1; i <= guess + 1; i++) {
      if (!start(i).isAfter(t) && end(i).isAfter(t)) {
        return OptionalLong.of(i);
      }
    }
    return OptionalLong.empty();
  }

  /** The occurrence starting exactly at {@code t}, if any. */
  OptionalLong occurrenceStartingAt(Instant t) {
    long guess = guess(t);
    for (long i = guess - 1; i <= guess + 1; i++) {
      if (start(i).equals(t)) {
        return OptionalLong.of(i);
      }
    }
    return OptionalLong.empty();
  }

  /** The earliest window start or end strictly after {@code t}. */
  Instant nextEdgeAfter(Instant t) {
    Instant best = start(guess(t) + 2);
    for (long i = guess(t) - 1; i <= guess(t) + 1; i++) {
      best = Edges.earliestAfter(t, best, start(i));
      best = Edges.earliestAfter(t, best, end(i));
    }
    return best;
  }

  /** The latest window start or end at or before {@code t}. */
  Instant lastEdgeAtOrBefore(Instant t) {
    Instant best = start(guess(t) - 2);
    for (long i = guess(t) - 1; i <= guess(t) + 1; i++) {
      best = Edges.latestAtOrBefore(t, best, start(i));
      best = Edges.latestAtOrBefore(t, best, end(i));
    }
    return best;
  }

  private Instant startOn(LocalDate day) {
    return ZonedDateTime.of(day, window.startTime(), zone).toInstant();
  }

  /** The occurrence starting in the same seven-day block as {@code t}. */
  private long guess(Instant t) {
    LocalDate day = LocalDateTime.ofInstant(t, zone).toLocalDate();
    return Math.floorDiv(day.toEpochDay() - firstStartDay.toEpochDay(), 7L);
  }
}
