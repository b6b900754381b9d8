package dev.meister.core.schedule;

import dev.meister.core.validation.Checks;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long one member stays on call: whole days (calendar arithmetic, so a Monday 11:00 hand-off
 * stays at 11:00 local time across DST) or whole hours (elapsed time).
 *
 * @param amount a positive count of {@code unit}s
 * @param unit days or hours; weeks are written as 7 days
 */
public record ShiftLength(int amount, Unit unit) {
  private static final Pattern TEXT = Pattern.compile("(\\d+)\\s*([hdw])");

  /** The unit a shift is counted in. */
  public enum Unit {
    HOURS,
    DAYS
  }

  public ShiftLength {
    Checks.check(amount > 0, "shift length must be positive");
  }

  public static ShiftLength weeks(int weeks) {
    return new ShiftLength(weeks * 7, Unit.DAYS);
  }

  public static ShiftLength days(int days) {
    return new ShiftLength(days, Unit.DAYS);
  }

  public static ShiftLength hours(int hours) {
    return new ShiftLength(hours, Unit.HOURS);
  }

  /** Parses {@code 2w}, {@code 1w}, {@code 3d}, {@code 12h}. */
  public static ShiftLength parse(String text) {
    Matcher m = TEXT.matcher(text.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "shift length '" + text + "' must look like 2w, 1w, 3d or 12h");
    }
    int n = Integer.parseInt(m.group(1));
    return switch (m.group(2)) {
      case "w" -> weeks(n);
      case "d" -> days(n);
      default -> hours(n);
    };
  }

  /** The nominal length; the real one differs by the DST shift for day-based lengths. */
  public Duration nominal() {
    return unit == Unit.DAYS ? Duration.ofDays(amount) : Duration.ofHours(amount);
  }

  @Override
  public String toString() {
    if (unit == Unit.HOURS) {
      return amount + "h";
    }
    return amount % 7 == 0 ? (amount / 7) + "w" : amount + "d";
  }
}
