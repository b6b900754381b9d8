package dev.meister.core.review;

import dev.meister.core.filing.Resolution;
import java.util.regex.Pattern;

/**
 * Recognises the post-mortem solution seed 002 singles out, "Failing tests were disabled, i.e.
 * problem was not solved", however a person worded it in {@code /resolve}: "tests disabled",
 * "disabled the flaky test", "skipped test_clean".
 */
final class DisabledTests {
  private static final Pattern DISABLED =
      Pattern.compile("(?i)\\b(disabl\\w*|skip(ped|s)?|xfail\\w*)\\b");

  private DisabledTests() {}

  /** Whether {@code resolution} says the failing tests were disabled rather than fixed. */
  static boolean by(Resolution resolution) {
    return DISABLED.matcher(resolution.solution()).find()
        || DISABLED.matcher(resolution.reason()).find();
  }
}
