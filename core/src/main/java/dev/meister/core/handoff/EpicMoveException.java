package dev.meister.core.handoff;

/**
 * The tracker did not move an epic's assignee.
 *
 * @see #retryable()
 */
public final class EpicMoveException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final boolean retryable;

  /**
   * @param message what went wrong, in words for the chat (never a token)
   * @param retryable true for outages and rate limits; false when the request itself is refused
   *     (bad credentials, no such issue), which trying again cannot fix
   */
  public EpicMoveException(String message, boolean retryable) {
    super(message);
    this.retryable = retryable;
  }

  public boolean retryable() {
    return retryable;
  }
}
