package dev.meister.bot.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people write them in the file: {@code 15m}, {@code 4h}, {@code 1d}, {@code 90s}. */
final class Durations {
  private static final Pattern FORM = Pattern.compile("(\\d{1,6})\\s*([smhd])");

  private Durations() {}

  static Duration positive(String text) {
    Matcher m = FORM.matcher(text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a duration like 90s, 15m, 4h or 1d");
    }
    long n = Long.parseLong(m.group(1));
    if (n == 0) {
      throw new IllegalArgumentException("the duration must be longer than 0");
    }
    return switch (m.group(2)) {
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      default -> Duration.ofDays(n);
    };
  }
}
