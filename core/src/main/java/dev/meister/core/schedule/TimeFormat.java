package dev.meister.core.schedule;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How instants read in chat: "Mon 7 Dec 11:00 CET", always in the rotation's zone. */
public final class TimeFormat {
  private static final DateTimeFormatter SHORT =
      DateTimeFormatter.ofPattern("EEE d MMM HH:mm zzz", Locale.ENGLISH);

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);

  private TimeFormat() {}

  /** "Mon 7 Dec 11:00 Europe/Berlin": a moment in a rotation's own zone, named by its id. */
  public static String when(Instant at, ZoneId zone) {
    return WHEN.format(at.atZone(zone)) + " " + zone.getId();
  }

  /** "Mon 7 Dec 11:00 CET": a moment as chat shows it, in the zone given. */
  public static String at(Instant instant, ZoneId zone) {
    return SHORT.format(instant.atZone(zone));
  }
}
