package dev.meister.core.command;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How instants read in chat: "Mon 7 Dec 11:00 CET", always in the rotation's zone. */
final class TimeFormat {
  private static final DateTimeFormatter SHORT =
      DateTimeFormatter.ofPattern("EEE d MMM HH:mm zzz", Locale.ENGLISH);

  private TimeFormat() {}

  static String at(Instant instant, ZoneId zone) {
    return SHORT.format(instant.atZone(zone));
  }
}
