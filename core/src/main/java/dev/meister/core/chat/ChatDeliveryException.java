package dev.meister.core.chat;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A chat platform did not take a message. {@code retryable} says whether sending it again later can
 * succeed (network error, 5xx, rate limit); {@code retryAfter} is the platform's own wait, if
 * given.
 */
public final class ChatDeliveryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final boolean retryable;
  private final @Nullable Duration retryAfter;

  public ChatDeliveryException(
      String message, boolean retryable, @Nullable Duration retryAfter, @Nullable Throwable cause) {
    super(message, cause);
    this.retryable = retryable;
    this.retryAfter = retryAfter;
  }

  public boolean retryable() {
    return retryable;
  }

  public @Nullable Duration retryAfter() {
    return retryAfter;
  }
}
