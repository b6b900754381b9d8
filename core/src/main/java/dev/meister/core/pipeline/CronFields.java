package dev.meister.core.pipeline;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The five fields of a crontab line (minute, hour, day of month, month, day of week), as Airflow
 * reads a DAG's {@code schedule}: lists, ranges, steps, {@code *} and the names {@code JAN}…,
 * {@code SUN}…; as in cron, when both day fields are restricted a day matching either one fires.
 *
 * @param minutes bit {@code m} set when minute {@code m} fires
 * @param weekdays bit {@code d} set for day {@code d}, 0 = Sunday
 */
record CronFields(
    long minutes,
    long hours,
    long daysOfMonth,
    long months,
    long weekdays,
    boolean anyDayOfMonth,
    boolean anyWeekday) {
  private static final List<String> MONTHS =
      List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");
  private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");

  /** Ten years back: far enough for any five-field expression (Feb 29 on a Monday included). */
  private static final int DAYS_SEARCHED = 3_700;

  /**
   * Reads five fields.
   *
   * @throws IllegalArgumentException naming the field that is wrong
   */
  static CronFields parse(String text) {
    String[] f = text.trim().toUpperCase(Locale.ROOT).split("\\s+", -1);
    if (f.length != 5) {
      throw new IllegalArgumentException(
          "cron '" + text + "' needs five fields (minute hour day month weekday)");
    }
    long weekdays = field(f[4], "weekday", 0, 7, DAYS);
    // 7 is Sunday too.
    if ((weekdays & (1L << 7)) != 0) {
      weekdays = (weekdays | 1L) & ~(1L << 7);
    }
    return new CronFields(
        field(f[0], "minute", 0, 59, List.of()),
        field(f[1], "hour", 0, 23, List.of()),
        field(f[2], "day of month", 1, 31, List.of()),
        field(f[3], "month", 1, 12, MONTHS),
        weekdays,
        f[2].equals("*") || f[2].equals("?"),
        f[4].equals("*") || f[4].equals("?"));
  }

  /** The latest minute at or before {@code bound} the expression fires on. */
  Optional<LocalDateTime> latestAtOrBefore(LocalDateTime bound) {
    LocalDate day = bound.toLocalDate();
    for (int i = 0; i < DAYS_SEARCHED; i++, day = day.minusDays(1)) {
      if (!firesOn(day)) {
        continue;
      }
      int lastMinute = i == 0 ? bound.getHour() * 60 + bound.getMinute() : 24 * 60 - 1;
      for (int m = lastMinute; m >= 0; m--) {
        if (bit(hours, m / 60) && bit(minutes, m % 60)) {
          return Optional.of(day.atTime(LocalTime.of(m / 60, m % 60)));
        }
      }
    }
    return Optional.empty();
  }

  /** The first minute strictly after {@code bound} the expression fires on. */
  Optional<LocalDateTime> firstAfter(LocalDateTime bound) {
    LocalDateTime start = bound.withSecond(0).withNano(0).plusMinutes(1);
    LocalDate day = start.toLocalDate();
    for (int i = 0; i < DAYS_SEARCHED; i++, day = day.plusDays(1)) {
      if (!firesOn(day)) {
        continue;
      }
      int firstMinute = i == 0 ? start.getHour() * 60 + start.getMinute() : 0;
      for (int m = firstMinute; m < 24 * 60; m++) {
        if (bit(hours, m / 60) && bit(minutes, m % 60)) {
          return Optional.of(day.atTime(LocalTime.of(m / 60, m % 60)));
        }
      }
    }
    return Optional.empty();
  }

  private boolean firesOn(LocalDate day) {
    if (!bit(months, day.getMonthValue())) {
      return false;
    }
    boolean dom = bit(daysOfMonth, day.getDayOfMonth());
    boolean dow = bit(weekdays, sundayZero(day.getDayOfWeek()));
    if (anyDayOfMonth || anyWeekday) {
      return dom && dow;
    }
    return dom || dow;
  }

  private static int sundayZero(DayOfWeek day) {
    return day.getValue() % 7;
  }

  private static boolean bit(long set, int n) {
    return (set & (1L << n)) != 0;
  }

  private static long field(String text, String name, int min, int max, List<String> names) {
    long bits = 0;
    for (String part : text.split(",", -1)) {
      bits |= part(part, name, min, max, names);
    }
    return bits;
  }

  private static long part(String part, String name, int min, int max, List<String> names) {
    String range = part;
    int step = 1;
    int slash = part.indexOf('/');
    if (slash >= 0) {
      range = part.substring(0, slash);
      step = number(part.substring(slash + 1), name, 1, max, List.of());
    }
    int from;
    int to;
    if (range.equals("*") || range.equals("?")) {
      from = min;
      to = max;
    } else if (range.contains("-")) {
      int dash = range.indexOf('-');
      from = number(range.substring(0, dash), name, min, max, names);
      to = number(range.substring(dash + 1), name, min, max, names);
    } else {
      from = number(range, name, min, max, names);
      to = slash >= 0 ? max : from;
    }
    if (from > to) {
      throw new IllegalArgumentException(name + " range '" + part + "' runs backwards");
    }
    long bits = 0;
    for (int v = from; v <= to; v += step) {
      bits |= 1L << v;
    }
    return bits;
  }

  private static int number(String text, String name, int min, int max, List<String> names) {
    int named = names.indexOf(text);
    if (named >= 0) {
      return named + (names.size() == 12 ? 1 : 0);
    }
    try {
      int v = Integer.parseInt(text);
      if (v >= min && v <= max) {
        return v;
      }
    } catch (NumberFormatException e) {
      // Reported below with the field's range.
    }
    throw new IllegalArgumentException(
        name + " '" + text + "' is not a number from " + min + " to " + max);
  }
}
