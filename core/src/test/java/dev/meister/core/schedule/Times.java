package dev.meister.core.schedule;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** Reads the instants written in test tables. */
final class Times {
  private Times() {}

  /**
   * {@code "2026-11-23T10:59 Europe/Berlin"} is that wall-clock time in that zone; {@code
   * "2026-11-23T09:59Z"} is a plain instant.
   */
  static Instant at(String text) {
    int space = text.indexOf(' ');
    if (space < 0) {
      return OffsetDateTime.parse(text).toInstant();
    }
    LocalDateTime local = LocalDateTime.parse(text.substring(0, space));
    return ZonedDateTime.of(local, ZoneId.of(text.substring(space + 1))).toInstant();
  }
}
