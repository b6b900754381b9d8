package dev.meister.core.action;

import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The API could not be reached or answered 5xx (or 429): likely to pass, so the worker retries with
 * backoff. The message names no credential.
 */
public final class ActionUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient @Nullable Duration retryAfter;

  public ActionUnavailableException(String message, @Nullable Duration retryAfter) {
    super(message);
    this.retryAfter = retryAfter;
  }

  public ActionUnavailableException(String message, Throwable cause) {
    super(message, cause);
    this.retryAfter = null;
  }

  /** The API's Retry-After, when it gave one. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
