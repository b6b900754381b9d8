package dev.meister.bot.config;

import java.text.ParseException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.Locale;
import java.util.Optional;
import java.util.TimeZone;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.quartz.CronExpression;

/**
 * When something recurs: a cron expression read in a time zone, so "08:00" stays 08:00 local time
 * across daylight-saving changes.
 *
 * @param written as in the configuration: five fields as in crontab ({@code 0 8 * * MON-FRI}), or
 *     Quartz's six or seven with seconds first
 * @param quartz the same in Quartz syntax, as the scheduler takes it
 */
public record CronSchedule(String written, String quartz, ZoneId zone) {
  private static final Pattern DAY_NUMBER = Pattern.compile("(?<![/0-9])([0-7])(?![0-9])");
  private static final String[] DAYS = {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"};

  /**
   * Reads a crontab or Quartz expression that fires at least once after now.
   *
   * @throws IllegalArgumentException saying what is wrong with it
   */
  public static CronSchedule parse(String text, ZoneId zone) {
    return parse(text, zone, Instant.now());
  }

  /**
   * Reads a crontab or Quartz expression that fires at least once after {@code from}. Quartz
   * accepts expressions that name no real day ({@code 0 8 30 2 *}, the 30th of February) or only
   * past years ({@code 0 0 8 * * ? 2020}); such a post or review would silently never happen, so it
   * is refused where it is written rather than found missing weeks later.
   *
   * @throws IllegalArgumentException saying what is wrong with it
   */
  public static CronSchedule parse(String text, ZoneId zone, Instant from) {
    String quartz = toQuartz(text.trim());
    try {
      CronExpression.validateExpression(quartz);
    } catch (ParseException e) {
      throw new IllegalArgumentException("cron '" + text + "' is not valid: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      // Quartz's parser throws NoSuchElementException on some malformed fields, e.g. "8-1:"
      // (found by ScheduleTextFuzzTest); the loader must still name the problem.
      throw new IllegalArgumentException("cron '" + text + "' is not valid", e);
    }
    CronSchedule schedule = new CronSchedule(text.trim(), quartz, zone);
    if (schedule.nextAfter(from).isEmpty()) {
      throw new IllegalArgumentException(
          "cron '"
              + text.trim()
              + "' never fires (no such day, or only years gone by); check the day, month and"
              + " year fields");
    }
    return schedule;
  }

  /** The first time after {@code after} the schedule fires; empty when it never fires again. */
  public Optional<Instant> nextAfter(Instant after) {
    try {
      return Optional.ofNullable(expression().getNextValidTimeAfter(Date.from(after)))
          .map(Date::toInstant);
    } catch (RuntimeException e) {
      // Quartz validates some expressions it cannot evaluate, e.g. "0 0/30 8-1: ? * MON-FRI"
      // (found by ScheduleTextFuzzTest, NoSuchElementException): such a schedule never fires
      // rather than throwing, and parse refuses it for that.
      return Optional.empty();
    }
  }

  /**
   * The latest time the schedule fired on {@code now}'s local day, at or before {@code now}: what a
   * bot started late (a deploy at 07:05 for a 07:00 post) has missed today.
   */
  public Optional<Instant> lastFireToday(Instant now) {
    Instant startOfDay = now.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
    Optional<Instant> last = Optional.empty();
    Optional<Instant> next = nextAfter(startOfDay.minusMillis(1));
    // A schedule fires a bounded number of times a day (at most once a second).
    for (int i = 0; i < 86_400 && next.isPresent() && !next.get().isAfter(now); i++) {
      last = next;
      next = nextAfter(next.get());
    }
    return last;
  }

  /** A fresh Quartz expression in the zone (CronExpression is mutable, so none is shared). */
  public CronExpression expression() {
    try {
      CronExpression cron = new CronExpression(quartz);
      cron.setTimeZone(TimeZone.getTimeZone(zone));
      return cron;
    } catch (ParseException e) {
      throw new IllegalStateException("validated cron became invalid: " + quartz, e);
    }
  }

  private static String toQuartz(String text) {
    String[] f = text.split("\\s+");
    if (f.length == 6 || f.length == 7) {
      return String.join(" ", f).toUpperCase(Locale.ROOT);
    }
    if (f.length != 5) {
      throw new IllegalArgumentException(
          "cron '"
              + text
              + "' must have five fields (minute hour"
              + " day-of-month month day-of-week), e.g. \"0 8 * * MON-FRI\"");
    }
    String dom = f[2];
    String dow = dayNames(f[4].toUpperCase(Locale.ROOT));
    // Quartz wants exactly one of the two day fields to be '?'.
    if (dow.equals("*")) {
      dow = "?";
    } else if (dom.equals("*")) {
      dom = "?";
    } else {
      throw new IllegalArgumentException(
          "cron '"
              + text
              + "' restricts both the day of the month"
              + " and the day of the week; use one of them and '*' for the other");
    }
    return String.join(" ", "0", f[0], f[1], dom, f[3].toUpperCase(Locale.ROOT), dow);
  }

  /** Crontab counts Sunday as 0 or 7, Quartz as 1: names mean the same in both. */
  private static String dayNames(String dow) {
    Matcher m = DAY_NUMBER.matcher(dow);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(sb, DAYS[Integer.parseInt(m.group(1))]);
    }
    m.appendTail(sb);
    return sb.toString();
  }
}
