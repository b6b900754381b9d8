package dev.meister.bot.calendar;

import biweekly.Biweekly;
import biweekly.ICalVersion;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.io.TimezoneAssignment;
import biweekly.property.DateEnd;
import biweekly.property.DateStart;
import dev.meister.core.calendar.ShiftEvent;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

/**
 * Writes shifts as an iCalendar feed (RFC 5545) with Biweekly: each event's start and end in its
 * rotation's zone with that zone's VTIMEZONE, the rotation and lane as categories, and a
 * description that says the hand-off times and why the member holds the shift.
 */
public final class IcsFeed {
  /** RFC 5545 3.1.4 and RFC 7986 (REFRESH-INTERVAL): served as this media type. */
  public static final String MEDIA_TYPE = "text/calendar; charset=utf-8";

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("EEE d MMM HH:mm zzz", Locale.ENGLISH);

  private IcsFeed() {}

  /**
   * The feed called {@code name} with {@code events}, stamped {@code now}.
   *
   * @param name the calendar's name in the subscriber's list, e.g. "Meister: Hausmeister"
   */
  public static String write(String name, List<ShiftEvent> events, Instant now) {
    ICalendar ical = new ICalendar();
    ical.setProductId("-//Meister//Shift calendar//EN");
    ical.setName(name);
    // NAME is RFC 7986; X-WR-CALNAME is what Google Calendar and Outlook read instead.
    ical.setExperimentalProperty("X-WR-CALNAME", name);
    ical.setRefreshInterval(biweekly.util.Duration.builder().hours(1).build());
    Map<ZoneId, TimezoneAssignment> zones = new LinkedHashMap<>();
    for (ShiftEvent e : events) {
      TimezoneAssignment zone =
          zones.computeIfAbsent(
              e.zone(),
              z -> new TimezoneAssignment(TimeZone.getTimeZone(z), VTimezones.of(z, now)));
      VEvent event = new VEvent();
      event.setUid(e.uid());
      event.setDateTimeStamp(Date.from(now));
      DateStart start = event.setDateStart(Date.from(e.start()), true);
      DateEnd end = event.setDateEnd(Date.from(e.end()), true);
      event.setSummary(e.summary());
      event.setDescription(description(e));
      event.addCategories(e.rotationName(), e.layer().label());
      // On call is not busy: a shift must not block the member's calendar for two weeks.
      event.setTransparency(true);
      ical.addEvent(event);
      ical.getTimezoneInfo().setTimezone(start, zone);
      ical.getTimezoneInfo().setTimezone(end, zone);
    }
    return Biweekly.write(ical).version(ICalVersion.V2_0).go();
  }

  static String description(ShiftEvent e) {
    String from = WHEN.withZone(e.zone()).format(e.start());
    String to = WHEN.withZone(e.zone()).format(e.end());
    String why =
        switch (e.source()) {
          case REGULAR -> "their turn in the roster";
          case WEEKEND -> "their weekend in the roster";
          case SWAP -> "a swap";
          case COVER -> "covering for someone unavailable";
          case OVERRIDE -> "an override";
        };
    return e.memberName()
        + " is "
        + e.rotationName()
        + " "
        + e.layer().label()
        + " from "
        + from
        + " to "
        + to
        + " ("
        + e.zone().getId()
        + "), by "
        + why
        + ".";
  }
}
