package dev.meister.core.action;

/**
 * The API refused the action for good (401, 403, 404, 409, 422): reported with the API's own
 * message, never retried. The message names no credential.
 */
public final class ActionRefusedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;

  public ActionRefusedException(int status, String message) {
    super(message);
    this.status = status;
  }

  /** The HTTP status of the refusal. */
  public int status() {
    return status;
  }
}
