package dev.meister.bot.airflow;

import dev.meister.core.action.ActionRefusedException;
import dev.meister.core.action.ActionUnavailableException;
import dev.meister.core.status.RunSourceException.Reason;

/**
 * What an {@link AirflowException} means to the action worker: no answer, a 408, 429 or 5xx, or an
 * answer that is not Airflow's JSON is an outage to retry (after {@code Retry-After} when given);
 * any other 4xx is a final refusal, in Airflow's own words.
 */
final class ActionFailures {
  private ActionFailures() {}

  static RuntimeException of(AirflowHttp http, AirflowException e, String doing) {
    int status = e.status();
    if (e.reason() == Reason.BAD_RESPONSE
        || status == 0
        || status == 408
        || status == 429
        || status >= 500) {
      return unavailable(e);
    }
    String check =
        status == 401 || status == 403
            ? " (check the credentials in airflow." + http.instance().name() + ")"
            : "";
    return new ActionRefusedException(
        status,
        http.describe()
            + " refused to "
            + doing
            + " (HTTP "
            + status
            + ")"
            + e.detail().map(d -> ": " + d).orElse("")
            + check);
  }

  static ActionUnavailableException unavailable(AirflowException e) {
    String message = String.valueOf(e.getMessage());
    return e.retryAfter()
        .map(wait -> new ActionUnavailableException(message, wait))
        .orElseGet(() -> new ActionUnavailableException(message, e));
  }
}
