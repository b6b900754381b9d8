package dev.meister.core.lease;

/**
 * Thrown by a write that only the leader may make when this instance no longer holds the lease
 * (fencing): the transaction is rolled back, so what the write would have recorded stays undone for
 * the new leader to do.
 */
public final class NotLeaderException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public NotLeaderException(String message) {
    super(message);
  }
}
