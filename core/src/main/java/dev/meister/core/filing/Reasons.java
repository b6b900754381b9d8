package dev.meister.core.filing;

import dev.meister.core.validation.Checks;
import java.util.List;
import java.util.Locale;

/** The configured reasons a break may be put down to, so the log can be counted by reason. */
public final class Reasons {
  /** Used when the configuration names none: the reasons teams gave most often. */
  public static final List<String> DEFAULTS =
      List.of(
          "Merged a branch with broken tests",
          "Master was not merged in a branch",
          "Merged broken slow tests without knowing that",
          "Underlying data changed",
          "Flaky test",
          "Infrastructure problem");

  private final List<String> reasons;

  public Reasons(List<String> reasons) {
    this.reasons = List.copyOf(Checks.notEmpty(reasons, "reasons"));
  }

  public List<String> all() {
    return reasons;
  }

  /**
   * The reason {@code text} means: its number in the list, the reason itself (any case), or the
   * start of exactly one reason.
   *
   * @throws IllegalArgumentException listing the reasons when it means none or several
   */
  public String match(String text) {
    String t = text.strip();
    try {
      int n = Integer.parseInt(t);
      if (n >= 1 && n <= reasons.size()) {
        return reasons.get(n - 1);
      }
    } catch (NumberFormatException notANumber) {
      // then it is text
    }
    String lower = t.toLowerCase(Locale.ROOT);
    for (String r : reasons) {
      if (r.toLowerCase(Locale.ROOT).equals(lower)) {
        return r;
      }
    }
    List<String> starts =
        lower.isEmpty()
            ? List.of()
            : reasons.stream().filter(r -> r.toLowerCase(Locale.ROOT).startsWith(lower)).toList();
    if (starts.size() == 1) {
      return starts.get(0);
    }
    throw new IllegalArgumentException("'" + t + "' is not one of the reasons. " + listing());
  }

  /** The numbered list, for help and error messages. */
  public String listing() {
    StringBuilder sb = new StringBuilder("Reasons:");
    for (int i = 0; i < reasons.size(); i++) {
      sb.append("\n").append(i + 1).append(". ").append(reasons.get(i));
    }
    return sb.toString();
  }
}
