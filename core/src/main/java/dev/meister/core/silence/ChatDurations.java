package dev.meister.core.silence;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations typed in chat: {@code 30m}, {@code 2h}, {@code 1d}, {@code 1w}, {@code 1h30m}. */
public final class ChatDurations {
  private static final Pattern WHOLE = Pattern.compile("(?:\\d{1,6}[smhdw])+");
  private static final Pattern PART = Pattern.compile("(\\d{1,6})([smhdw])");

  private ChatDurations() {}

  /** Whether {@code word} looks like a duration, a negative one included. */
  public static boolean looksLikeDuration(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    return WHOLE.matcher(w.startsWith("-") ? w.substring(1) : w).matches();
  }

  /**
   * Reads a positive duration of at most {@code max}.
   *
   * @throws IllegalArgumentException in one line: not a duration, negative, zero or too long
   */
  public static Duration parse(String word, Duration max) {
    String w = word.toLowerCase(Locale.ROOT);
    if (w.startsWith("-") && WHOLE.matcher(w.substring(1)).matches()) {
      throw new IllegalArgumentException("The duration must be positive, not " + word + ".");
    }
    if (!WHOLE.matcher(w).matches()) {
      throw new IllegalArgumentException(
          "'" + word + "' is not a duration like 30m, 2h, 1d or 1w.");
    }
    Duration total = Duration.ZERO;
    Matcher m = PART.matcher(w);
    while (m.find()) {
      long n = Long.parseLong(m.group(1));
      total =
          total.plus(
              switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                case "d" -> Duration.ofDays(n);
                default -> Duration.ofDays(7 * n);
              });
    }
    if (total.isZero()) {
      throw new IllegalArgumentException("The duration must be longer than 0.");
    }
    if (total.compareTo(max) > 0) {
      throw new IllegalArgumentException(
          "The duration " + word + " is too long: at most " + describe(max) + ".");
    }
    return total;
  }

  /** "2h", "1d 6h", "45m": a duration as people read it. */
  public static String describe(Duration d) {
    StringBuilder out = new StringBuilder();
    long days = d.toDays();
    long hours = d.toHoursPart();
    long minutes = d.toMinutesPart();
    if (days > 0) {
      out.append(days).append('d');
    }
    if (hours > 0) {
      out.append(out.length() > 0 ? " " : "").append(hours).append('h');
    }
    if (minutes > 0 || out.length() == 0) {
      out.append(out.length() > 0 ? " " : "").append(minutes).append('m');
    }
    return out.toString();
  }
}
