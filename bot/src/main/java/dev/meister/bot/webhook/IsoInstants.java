package dev.meister.bot.webhook;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * {@link Instant#parse} with a fast path for the one shape GitHub sends, {@code
 * 2020-10-05T16:33:49Z}: the general parser showed up in the intake's profile at several percent.
 * Anything else (fractions, offsets) goes to the general parser, so the answers are the same.
 */
public final class IsoInstants {
  private IsoInstants() {}

  /**
   * Parses an ISO-8601 instant, GitHub's {@code 2024-01-02T03:04:05Z} shape without the general
   * parser.
   *
   * @throws DateTimeParseException when {@code text} is not an ISO-8601 instant
   */
  public static Instant parse(String text) {
    if (text.length() == 20 && shaped(text)) {
      try {
        long day =
            LocalDate.of(digits(text, 0, 4), digits(text, 5, 2), digits(text, 8, 2)).toEpochDay();
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if (hour < 24 && minute < 60 && second < 60) {
          return Instant.ofEpochSecond(day * 86_400 + hour * 3_600L + minute * 60L + second);
        }
      } catch (DateTimeException invalid) {
        // e.g. February 30th: the general parser words the error.
      }
    }
    return Instant.parse(text);
  }

  private static boolean shaped(String t) {
    for (int i = 0; i < 19; i++) {
      char c = t.charAt(i);
      char expected = i == 4 || i == 7 ? '-' : i == 10 ? 'T' : i == 13 || i == 16 ? ':' : '0';
      if (expected == '0' ? c < '0' || c > '9' : c != expected) {
        return false;
      }
    }
    return t.charAt(19) == 'Z';
  }

  private static int digits(String t, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      value = value * 10 + (t.charAt(i) - '0');
    }
    return value;
  }
}
