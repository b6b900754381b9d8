package dev.meister.core.chat;

import java.time.Duration;

/**
 * Capped exponential backoff for reconnecting to a chat: {@code first}, then doubling, never more
 * than {@code max}.
 */
public record RetryDelays(Duration first, Duration max) {
  /**
   * One second, doubling up to a minute: a chat back after an outage is reached within a minute.
   */
  public static final RetryDelays CHAT =
      new RetryDelays(Duration.ofSeconds(1), Duration.ofMinutes(1));

  public RetryDelays {
    if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
      throw new IllegalArgumentException(
          "retry delays need 0 < first <= max, got " + first + " and " + max);
    }
  }

  /** The wait after {@code failures} failed attempts in a row (1 for the first failure). */
  public Duration after(int failures) {
    int doublings = Math.min(Math.max(failures - 1, 0), 30);
    Duration wait = first.multipliedBy(1L << doublings);
    return wait.compareTo(max) > 0 ? max : wait;
  }
}
