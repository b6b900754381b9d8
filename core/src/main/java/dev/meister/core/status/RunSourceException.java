package dev.meister.core.status;

/**
 * The orchestrator could not answer; the message says why in words a chat user understands and
 * never contains a credential.
 */
public class RunSourceException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why it could not answer. */
  public enum Reason {
    /** No connection, a timeout, or a 5xx: likely to pass. */
    UNREACHABLE,
    /** 401/403: the credentials are wrong or lack permission. */
    REFUSED,
    /** 404: no such DAG (or run). */
    NOT_FOUND,
    /** An answer that is not the API's JSON. */
    BAD_RESPONSE
  }

  private final Reason reason;

  public RunSourceException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public RunSourceException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
