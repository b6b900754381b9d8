package dev.meister.core.web;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * Time on call split the way people feel it, on the wall clock of the rotation's zone: <b>work
 * hours</b> are Monday to Friday 09:00–18:00, <b>nights</b> the other hours of Monday to Friday
 * (00:00–09:00 and 18:00–24:00), <b>weekends</b> all of Saturday and Sunday. Each part is measured
 * in real elapsed time, so a night in which the clocks go forward is an hour shorter.
 */
public record LoadHours(Duration work, Duration night, Duration weekend) {
  public static final LocalTime WORK_STARTS = LocalTime.of(9, 0);
  public static final LocalTime WORK_ENDS = LocalTime.of(18, 0);
  public static final LoadHours NONE = new LoadHours(Duration.ZERO, Duration.ZERO, Duration.ZERO);

  public Duration total() {
    return work.plus(night).plus(weekend);
  }

  public LoadHours plus(LoadHours other) {
    return new LoadHours(
        work.plus(other.work), night.plus(other.night), weekend.plus(other.weekend));
  }

  /** {@code [start, end)} split in {@code zone}, walking one local day at a time. */
  public static LoadHours of(Instant start, Instant end, ZoneId zone) {
    Duration work = Duration.ZERO;
    Duration night = Duration.ZERO;
    Duration weekend = Duration.ZERO;
    LocalDate day = start.atZone(zone).toLocalDate();
    while (day.atStartOfDay(zone).toInstant().isBefore(end)) {
      Instant midnight = day.atStartOfDay(zone).toInstant();
      Instant next = day.plusDays(1).atStartOfDay(zone).toInstant();
      DayOfWeek dow = day.getDayOfWeek();
      if (dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY) {
        weekend = weekend.plus(overlap(start, end, midnight, next));
      } else {
        Instant nine = day.atTime(WORK_STARTS).atZone(zone).toInstant();
        Instant six = day.atTime(WORK_ENDS).atZone(zone).toInstant();
        work = work.plus(overlap(start, end, nine, six));
        night =
            night.plus(overlap(start, end, midnight, nine)).plus(overlap(start, end, six, next));
      }
      day = day.plusDays(1);
    }
    return new LoadHours(work, night, weekend);
  }

  /** Hours with one decimal, e.g. "12.5". */
  public static String hours(Duration d) {
    return String.format(java.util.Locale.ROOT, "%.1f", d.toMinutes() / 60.0);
  }

  private static Duration overlap(Instant s, Instant e, Instant from, Instant to) {
    Instant a = s.isAfter(from) ? s : from;
    Instant b = e.isBefore(to) ? e : to;
    return a.isBefore(b) ? Duration.between(a, b) : Duration.ZERO;
  }
}
