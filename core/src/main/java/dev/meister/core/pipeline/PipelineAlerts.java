package dev.meister.core.pipeline;

import dev.meister.core.alert.Alert;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port: the stored Airflow alerts, for the rules that follow a pipeline's failures up. */
public interface PipelineAlerts {
  /** Airflow alerts received at or after {@code since}, oldest first, at most {@code limit}. */
  List<Alert> airflowAlertsSince(Instant since, int limit);

  /** When the alert was resolved ({@code /resolve}); empty while it is not. */
  Optional<Instant> resolvedAt(Alert alert);
}
