package dev.meister.bot.config;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** Parsers for the file's scalar values; each explains bad input in its exception message. */
final class Values {
  private static final Pattern TIME = Pattern.compile("([01]?\\d|2[0-3]):([0-5]\\d)");

  private Values() {}

  static DayOfWeek day(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    for (DayOfWeek day : DayOfWeek.values()) {
      String name = day.name().toLowerCase(Locale.ROOT);
      if (name.equals(lower) || name.substring(0, 3).equals(lower)) {
        return day;
      }
    }
    throw new IllegalArgumentException(
        "'" + text + "' is not a day of the week (monday, tuesday, ... sunday)");
  }

  static LocalTime time(String text) {
    if (!TIME.matcher(text).matches()) {
      throw new IllegalArgumentException("time '" + text + "' must be HH:MM, e.g. \"11:00\"");
    }
    return LocalTime.parse(text.length() == 4 ? "0" + text : text);
  }

  static ZoneId zone(String text) {
    try {
      return ZoneId.of(text);
    } catch (java.time.DateTimeException e) {
      String hint = Suggestions.didYouMean(text, ZoneId.getAvailableZoneIds());
      throw new IllegalArgumentException(
          "unknown time zone '"
              + text
              + "'"
              + (hint.isEmpty() ? " (use a region id such as Europe/Berlin)" : hint),
          e);
    }
  }

  static LocalDate date(String text) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("date '" + text + "' must be YYYY-MM-DD", e);
    }
  }

  /**
   * An instant written with an offset ({@code 2026-12-21T10:00:00Z}, {@code ...+01:00}) or a local
   * date-time read in {@code zone}.
   */
  static Instant moment(String text, ZoneId zone) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException notAnInstant) {
      // then it is a local date-time, or nothing
    }
    try {
      return LocalDateTime.parse(text).atZone(zone).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "'"
              + text
              + "' must be a local date-time like 2026-12-21T11:00"
              + " or an instant with offset like 2026-12-21T10:00:00Z",
          e);
    }
  }

  static boolean bool(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException("'" + text + "' must be true or false");
    };
  }

  static long integer(String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + text + "' must be a whole number", e);
    }
  }

  /** The constant of {@code type} written in lower snake case, e.g. {@code skip_to_next}. */
  static <E extends Enum<E>> E choice(Class<E> type, String text) {
    return choice(type, text, null);
  }

  /** Like {@link #choice(Class, String)}, with {@code spelling} naming the constants instead. */
  static <E extends Enum<E>> E choice(Class<E> type, String text, @Nullable List<String> spelling) {
    E[] constants = type.getEnumConstants();
    List<String> names =
        spelling != null
            ? spelling
            : Arrays.stream(constants).map(c -> c.name().toLowerCase(Locale.ROOT)).toList();
    int index = names.indexOf(text.toLowerCase(Locale.ROOT));
    if (index < 0) {
      throw new IllegalArgumentException(
          "'" + text + "' must be one of: " + names.stream().collect(Collectors.joining(", ")));
    }
    return constants[index];
  }
}
