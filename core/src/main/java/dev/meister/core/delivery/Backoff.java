package dev.meister.core.delivery;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * When to try a message again: the chat's own wait (Telegram's {@code retry_after}, Slack's {@code
 * Retry-After}) when it gives one, else doubling from one second up to five minutes. A message is
 * never dropped for having been retried often; only a refusal that cannot succeed ends it.
 */
public final class Backoff {
  static final Duration FIRST = Duration.ofSeconds(1);
  static final Duration MAX = Duration.ofMinutes(5);

  private Backoff() {}

  /**
   * The wait before attempt {@code attempts + 1}, after {@code attempts} failed ones. Count only
   * failures here: a try the chat rate-limited is answered by its own {@code retryAfter}, and
   * counting it would make the next outage start several doublings up.
   */
  public static Duration after(int attempts, @Nullable Duration retryAfter) {
    if (retryAfter != null && !retryAfter.isNegative()) {
      return retryAfter.compareTo(MAX) > 0 ? MAX : retryAfter;
    }
    int doublings = Math.min(Math.max(attempts - 1, 0), 20);
    Duration wait = FIRST.multipliedBy(1L << doublings);
    return wait.compareTo(MAX) > 0 ? MAX : wait;
  }
}
