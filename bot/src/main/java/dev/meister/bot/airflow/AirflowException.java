package dev.meister.bot.airflow;

import dev.meister.core.status.RunSourceException;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Airflow could not answer: unreachable (including timeouts, 429 and 5xx), refused (401/403 and
 * other 4xx), not found (404) or an answer that is not its JSON. Messages name the instance, never
 * a credential.
 */
public final class AirflowException extends RunSourceException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final @Nullable String detail;
  private final transient @Nullable Duration retryAfter;

  AirflowException(Reason reason, String message, int status) {
    this(reason, message, status, null, null);
  }

  AirflowException(
      Reason reason,
      String message,
      int status,
      @Nullable String detail,
      @Nullable Duration retryAfter) {
    super(reason, message);
    this.status = status;
    this.detail = detail;
    this.retryAfter = retryAfter;
  }

  AirflowException(Reason reason, String message, Throwable cause) {
    super(reason, message, cause);
    this.status = 0;
    this.detail = null;
    this.retryAfter = null;
  }

  /** The HTTP status Airflow answered; 0 when it did not answer at all. */
  public int status() {
    return status;
  }

  /**
   * Airflow's own explanation: the problem JSON's {@code detail} (or {@code title}) on v1,
   * FastAPI's {@code detail} on v2.
   */
  public Optional<String> detail() {
    return Optional.ofNullable(detail);
  }

  /** How long Airflow (or the proxy in front of it) asked to wait, from {@code Retry-After}. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
