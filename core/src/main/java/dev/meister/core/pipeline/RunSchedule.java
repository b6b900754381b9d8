package dev.meister.core.pipeline;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a pipeline's DAG is due to run, as the team writes it: a crontab line ({@code 0 2 * * *}),
 * an Airflow preset ({@code @daily}), {@code daily 02:00 UTC} or {@code weekly monday 01:00 UTC},
 * each optionally followed by a zone (UTC when none). Seed 004's own spelling, {@code Daily @ 2:00
 * AM UTC}, reads too; a weekly schedule without a day runs on Sunday, as Airflow's {@code @weekly}.
 *
 * @param text as written, for display
 */
public record RunSchedule(String text, CronFields cron, ZoneId zone) {
  private static final ZoneId UTC = ZoneId.of("UTC");
  private static final Pattern WORDS =
      Pattern.compile(
          "(?i)(daily|weekly)(?:\\s+([a-z]+?))?\\s*@?\\s*(\\d{1,2}):(\\d{2})(?:\\s*(am|pm))?(?:\\s+(\\S+))?");
  private static final Map<String, String> PRESETS =
      Map.of(
          "@hourly", "0 * * * *",
          "@daily", "0 0 * * *",
          "@midnight", "0 0 * * *",
          "@weekly", "0 0 * * 0",
          "@monthly", "0 0 1 * *",
          "@yearly", "0 0 1 1 *",
          "@annually", "0 0 1 1 *");

  /**
   * Reads a schedule.
   *
   * @throws IllegalArgumentException saying what is wrong and which forms are understood
   */
  public static RunSchedule parse(String text) {
    String t = text.trim();
    Matcher words = WORDS.matcher(t);
    if (words.matches()) {
      return words(t, words);
    }
    String[] parts = t.split("\\s+", -1);
    String preset = PRESETS.get(parts[0].toLowerCase(Locale.ROOT));
    if (preset != null) {
      return cron(t, preset, parts.length, 1, parts);
    }
    if (parts.length == 5 || parts.length == 6) {
      return cron(t, String.join(" ", java.util.Arrays.copyOf(parts, 5)), parts.length, 5, parts);
    }
    throw new IllegalArgumentException(
        "'"
            + text
            + "' is not a schedule: write five cron fields (\"0 2 * * *\"),"
            + " \"daily 02:00 UTC\" or \"weekly monday 01:00 UTC\"");
  }

  private static RunSchedule cron(String text, String fields, int count, int used, String[] p) {
    if (count > used + 1) {
      throw new IllegalArgumentException("'" + text + "' has more than a zone after the schedule");
    }
    ZoneId zone = count == used + 1 ? zone(p[used]) : UTC;
    return new RunSchedule(text, CronFields.parse(fields), zone);
  }

  private static RunSchedule words(String text, Matcher m) {
    int hour = Integer.parseInt(m.group(3));
    int minute = Integer.parseInt(m.group(4));
    String half = m.group(5);
    if (half != null) {
      if (hour < 1 || hour > 12) {
        throw new IllegalArgumentException("'" + text + "': " + hour + " is not an AM/PM hour");
      }
      hour = hour % 12 + (half.equalsIgnoreCase("pm") ? 12 : 0);
    }
    String day = m.group(2);
    boolean weekly = m.group(1).equalsIgnoreCase("weekly");
    if (day != null && !weekly) {
      throw new IllegalArgumentException("'" + text + "': a daily schedule names no day");
    }
    String weekday = weekly ? (day == null ? "SUN" : weekday(text, day)) : "*";
    String zone = m.group(6);
    CronFields cron = CronFields.parse(minute + " " + hour + " * * " + weekday);
    return new RunSchedule(text, cron, zone == null ? UTC : zone(zone));
  }

  private static String weekday(String text, String day) {
    String d = day.toUpperCase(Locale.ROOT);
    for (java.time.DayOfWeek w : java.time.DayOfWeek.values()) {
      if (d.length() >= 3 && w.name().startsWith(d)) {
        return d.substring(0, 3);
      }
    }
    throw new IllegalArgumentException("'" + text + "': '" + day + "' is not a weekday");
  }

  private static ZoneId zone(String id) {
    try {
      return ZoneId.of(id);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("'" + id + "' is not a time zone (e.g. UTC)", e);
    }
  }

  /** The latest time the DAG was due at or before {@code at}. */
  public Optional<Instant> latestAtOrBefore(Instant at) {
    return cron.latestAtOrBefore(LocalDateTime.ofInstant(at, zone))
        .map(t -> t.atZone(zone).toInstant())
        // A fire time in a DST gap moves forward past at: take the one before it.
        .flatMap(t -> t.isAfter(at) ? latestAtOrBefore(t.minusSeconds(3_600)) : Optional.of(t));
  }

  /** The first time the DAG is due after {@code at}. */
  public Optional<Instant> firstAfter(Instant at) {
    return cron.firstAfter(LocalDateTime.ofInstant(at, zone)).map(t -> t.atZone(zone).toInstant());
  }

  @Override
  public String toString() {
    return text;
  }
}
