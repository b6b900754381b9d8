package dev.meister.core.filing;

/** Reads a count argument such as {@code /postmortem 20}. */
final class Counts {
  private Counts() {}

  static int parse(String text, int max, String name) {
    try {
      int n = Integer.parseInt(text);
      if (n >= 1 && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // falls through to the message
    }
    throw new IllegalArgumentException(name + " must be a number from 1 to " + max + ".");
  }
}
