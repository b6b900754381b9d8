package dev.meister.core.pipeline;

import dev.meister.core.validation.Checks;
import java.util.regex.Pattern;

/**
 * A known cause: when a failure's exception matches {@code pattern} (a case-insensitive regular
 * expression; plain words match themselves), {@code advice} is shown on the alert.
 */
public record Hint(Pattern pattern, String advice) {
  public Hint {
    Checks.notBlank(advice, "hint");
  }

  /**
   * A hint shown when a failure matches {@code pattern}.
   *
   * @throws IllegalArgumentException when {@code pattern} is not a valid regular expression
   */
  public static Hint of(String pattern, String advice) {
    try {
      return new Hint(Pattern.compile(pattern, Pattern.CASE_INSENSITIVE), advice);
    } catch (java.util.regex.PatternSyntaxException e) {
      throw new IllegalArgumentException(
          "pattern '" + pattern + "' is not a valid regular" + " expression: " + e.getDescription(),
          e);
    }
  }

  public boolean matches(String text) {
    return pattern.matcher(text).find();
  }
}
