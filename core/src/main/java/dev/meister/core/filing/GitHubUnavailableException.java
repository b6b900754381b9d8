package dev.meister.core.filing;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * GitHub could not be asked now: network failure, a 5xx that outlasted the retries, or a rate limit
 * that resets later. Trying again later may work; {@code retryAfter} says when, if GitHub said.
 */
public final class GitHubUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final @Nullable Duration retryAfter;

  public GitHubUnavailableException(
      String message, @Nullable Duration retryAfter, @Nullable Throwable cause) {
    super(message, cause);
    this.retryAfter = retryAfter;
  }

  public @Nullable Duration retryAfter() {
    return retryAfter;
  }
}
