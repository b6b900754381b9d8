package dev.meister.core.pipeline;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Set;

/**
 * A team's working hours, e.g. Monday to Friday 09:00–18:00 Europe/Berlin: read in their zone, so
 * 09:00 stays 09:00 across daylight saving.
 */
public record WorkHours(Set<DayOfWeek> days, LocalTime from, LocalTime to, ZoneId zone) {
  public WorkHours {
    if (days.isEmpty()) {
      throw new IllegalArgumentException("work hours need at least one day");
    }
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException("work hours must end after they start");
    }
    days = Set.copyOf(EnumSet.copyOf(days));
  }

  /** Whether {@code at} falls in work hours. */
  public boolean contains(Instant at) {
    ZonedDateTime local = at.atZone(zone);
    LocalTime time = local.toLocalTime();
    return days.contains(local.getDayOfWeek()) && !time.isBefore(from) && time.isBefore(to);
  }

  /** The first start of work hours strictly after {@code at}. */
  public Instant nextStartAfter(Instant at) {
    LocalDate day = at.atZone(zone).toLocalDate();
    for (int i = 0; i < 8; i++, day = day.plusDays(1)) {
      Instant start = ZonedDateTime.of(day, from, zone).toInstant();
      if (days.contains(day.getDayOfWeek()) && start.isAfter(at)) {
        return start;
      }
    }
    throw new IllegalStateException("work hours have a day every week");
  }

  /** The latest start of work hours at or before {@code at}. */
  public Instant latestStartAtOrBefore(Instant at) {
    LocalDate day = at.atZone(zone).toLocalDate();
    for (int i = 0; i < 8; i++, day = day.minusDays(1)) {
      Instant start = ZonedDateTime.of(day, from, zone).toInstant();
      if (days.contains(day.getDayOfWeek()) && !start.isAfter(at)) {
        return start;
      }
    }
    throw new IllegalStateException("work hours have a day every week");
  }
}
