package dev.meister.core.chat;

/** Storage-assigned identity of an alert. */
public record AlertId(long value) {

  /**
   * An alert number as typed, {@code 12} or {@code #12}.
   *
   * @throws IllegalArgumentException in one line when it is not one (too many digits included)
   */
  public static AlertId parse(String text) {
    String digits = text.startsWith("#") ? text.substring(1) : text;
    try {
      return new AlertId(Long.parseLong(digits));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + text + "' is not an alert number.", e);
    }
  }

  @Override
  public String toString() {
    return Long.toString(value);
  }
}
