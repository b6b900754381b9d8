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
    switch (conclusion) {
      case "failure":
      case "timed_out":
      case "startup_failure":
        return Optional.of(Outcome.FAILED);
      case "success":
        return recordSuccess ? Optional.of(Outcome.SUCCEEDED) : Optional.empty();
      default:
        return Optional.empty();
    }
  }
}
