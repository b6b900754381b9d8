package dev.meister.bot.webhook.github;

import dev.meister.core.alert.Outcome;
import java.util.Optional;

/** Which GitHub conclusions we alert on. */
final class Conclusions {
  private Conclusions() {}

  /**
   * FAILED for failure, timed_out and startup_failure; SUCCEEDED for success when {@code
   * recordSuccess}; empty (ignore) for cancelled, skipped, neutral, action_required, stale and
   * anything GitHub adds later.
   */
  static Optional<Outcome> outcome(String conclusion, boolean recordSuccess) {
    return switch (conclusion) {
      case "failure", "timed_out", "startup_failure" -> Optional.of(Outcome.FAILED);
      case "success" -> recordSuccess ? Optional.of(Outcome.SUCCEEDED) : Optional.empty();
      default -> Optional.empty();
    };
  }
}
