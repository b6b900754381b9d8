package dev.meister.bot.airflow;

import dev.meister.core.status.RunSourceException;

/**
 * Airflow could not answer: unreachable (including timeouts and 5xx), refused (401/403), not found
 * (404) or an answer that is not its JSON. Messages name the instance, never a credential.
 */
public final class AirflowException extends RunSourceException {
  private static final long serialVersionUID = 1L;

  private final int status;

  AirflowException(Reason reason, String message, int status) {
    super(reason, message);
    this.status = status;
  }

  AirflowException(Reason reason, String message, Throwable cause) {
    super(reason, message, cause);
    this.status = 0;
  }

  /** The HTTP status Airflow answered; 0 when it did not answer at all. */
  public int status() {
    return status;
  }
}
