package dev.meister.bot.calendar;

import biweekly.component.DaylightSavingsTime;
import biweekly.component.Observance;
import biweekly.component.StandardTime;
import biweekly.component.VTimezone;
import biweekly.util.DateTimeComponents;
import biweekly.util.Frequency;
import biweekly.util.Recurrence;
import biweekly.util.UtcOffset;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransitionRule;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A VTIMEZONE (RFC 5545 3.6.5) for a zone, from the JDK's tz rules, so a calendar reads the
 * hand-off times in the rotation's zone without downloading anything (Biweekly's own generator asks
 * tzurl.org). A zone with yearly rules (Europe/Berlin, Australia/Lord_Howe) gets one STANDARD and
 * one DAYLIGHT observance with their RRULEs; a zone without (UTC, Asia/Kathmandu) one STANDARD at
 * the offset it has at {@code at}.
 */
final class VTimezones {
  /** Observances start in a year before any feed: the RRULE carries them forward. */
  private static final int FIRST_YEAR = 2000;

  private VTimezones() {}

  static VTimezone of(ZoneId zone, Instant at) {
    VTimezone tz = new VTimezone(zone.getId());
    ZoneRules rules = zone.getRules();
    List<ZoneOffsetTransitionRule> yearly = rules.getTransitionRules();
    if (yearly.isEmpty()) {
      ZoneOffset offset = rules.getOffset(at);
      StandardTime standard = new StandardTime();
      standard.setDateStart(new DateTimeComponents(1970, 1, 1, 0, 0, 0, false));
      standard.setTimezoneOffsetFrom(utc(offset));
      standard.setTimezoneOffsetTo(utc(offset));
      standard.addTimezoneName(name(zone, false));
      tz.addStandardTime(standard);
      return tz;
    }
    for (ZoneOffsetTransitionRule rule : yearly) {
      boolean daylight =
          rule.getOffsetAfter().getTotalSeconds() > rule.getStandardOffset().getTotalSeconds();
      Observance o = daylight ? new DaylightSavingsTime() : new StandardTime();
      LocalDateTime before = rule.createTransition(FIRST_YEAR).getDateTimeBefore();
      o.setDateStart(
          new DateTimeComponents(
              before.getYear(),
              before.getMonthValue(),
              before.getDayOfMonth(),
              before.getHour(),
              before.getMinute(),
              before.getSecond(),
              false));
      o.setTimezoneOffsetFrom(utc(rule.getOffsetBefore()));
      o.setTimezoneOffsetTo(utc(rule.getOffsetAfter()));
      o.setRecurrenceRule(recurrence(rule));
      o.addTimezoneName(name(zone, daylight));
      if (o instanceof DaylightSavingsTime d) {
        tz.addDaylightSavingsTime(d);
      } else {
        tz.addStandardTime((StandardTime) o);
      }
    }
    return tz;
  }

  /**
   * The rule's day as an RRULE: "last Sunday" is {@code BYDAY=-1SU}; "Sunday on or after the 8th"
   * is {@code BYDAY=SU} on one of the seven days from the 8th; a fixed date is {@code BYMONTHDAY}.
   */
  private static Recurrence recurrence(ZoneOffsetTransitionRule rule) {
    Recurrence.Builder r =
        new Recurrence.Builder(Frequency.YEARLY).byMonth(rule.getMonth().getValue());
    int indicator = rule.getDayOfMonthIndicator();
    DayOfWeek day = rule.getDayOfWeek();
    if (day == null) {
      return r.byMonthDay(indicator).build();
    }
    biweekly.util.DayOfWeek weekday = weekday(day);
    if (indicator == -1) {
      return r.byDay(-1, weekday).build();
    }
    List<Integer> days = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      // Negative indicators count back from the end: -2 is "on or before the second-to-last day".
      days.add(indicator > 0 ? indicator + i : indicator - i);
    }
    return r.byDay(weekday).byMonthDay(days).build();
  }

  private static biweekly.util.DayOfWeek weekday(DayOfWeek day) {
    return switch (day) {
      case MONDAY -> biweekly.util.DayOfWeek.MONDAY;
      case TUESDAY -> biweekly.util.DayOfWeek.TUESDAY;
      case WEDNESDAY -> biweekly.util.DayOfWeek.WEDNESDAY;
      case THURSDAY -> biweekly.util.DayOfWeek.THURSDAY;
      case FRIDAY -> biweekly.util.DayOfWeek.FRIDAY;
      case SATURDAY -> biweekly.util.DayOfWeek.SATURDAY;
      case SUNDAY -> biweekly.util.DayOfWeek.SUNDAY;
    };
  }

  private static UtcOffset utc(ZoneOffset offset) {
    return new UtcOffset(offset.getTotalSeconds() * 1000L);
  }

  private static String name(ZoneId zone, boolean daylight) {
    java.util.TimeZone tz = java.util.TimeZone.getTimeZone(zone);
    return tz.getDisplayName(daylight, java.util.TimeZone.SHORT, Locale.ROOT);
  }
}
