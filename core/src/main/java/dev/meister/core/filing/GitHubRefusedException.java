package dev.meister.core.filing;

/**
 * GitHub answered and said no (401, 403, 404, 422, ...): asking again the same way will not help.
 * The message is GitHub's own, fit to show in chat; it never holds the token.
 */
public final class GitHubRefusedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;

  public GitHubRefusedException(int status, String message) {
    super(message);
    this.status = status;
  }

  public int status() {
    return status;
  }

  /** E.g. {@code GitHub refused (403): Resource not accessible by integration}. */
  public String describe() {
    return "GitHub refused (" + status + "): " + getMessage();
  }
}
