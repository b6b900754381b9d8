package dev.meister.core.pipeline;

import dev.meister.core.alert.AirflowTask;
import dev.meister.core.alert.Alert;
import dev.meister.core.timing.DueWork;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The loop that {@link FixChecks} and {@link WorkHoursTags} share: the recent Airflow alerts of
 * configured pipelines, each with the moment something falls due for it; what is due now is done
 * (one failure logged, the others still done), the earliest later moment is the next wake-up.
 */
final class AlertSweep {
  private static final Logger log = LoggerFactory.getLogger(AlertSweep.class);
  private static final int LIMIT = 5_000;

  /** When something falls due for an alert of a pipeline; empty when nothing ever does. */
  @FunctionalInterface
  interface DueAt {
    Optional<Instant> of(Pipeline pipeline, Alert alert);
  }

  /** What to do once it is due. */
  @FunctionalInterface
  interface Action {
    void run(Pipeline pipeline, Alert alert, Instant due);
  }

  private final String what;
  private final PipelineAlerts alerts;
  private final PipelineNotes pipelines;
  private final Duration lookback;

  /**
   * @param what names the work in the log, e.g. {@code fix deadline}
   * @param lookback how far back alerts still matter
   */
  AlertSweep(String what, PipelineAlerts alerts, PipelineNotes pipelines, Duration lookback) {
    this.what = what;
    this.alerts = alerts;
    this.pipelines = pipelines;
    this.lookback = lookback;
  }

  Optional<Instant> run(Instant now, DueAt dueAt, Action action) {
    Optional<Instant> next = Optional.empty();
    for (Alert alert : alerts.airflowAlertsSince(now.minus(lookback), LIMIT)) {
      Optional<Pipeline> found =
          alert.airflowTask().map(AirflowTask::dagId).flatMap(pipelines::forDag);
      Optional<Instant> due = found.flatMap(p -> dueAt.of(p, alert));
      if (found.isEmpty() || due.isEmpty()) {
        continue;
      }
      if (due.get().isAfter(now)) {
        next = DueWork.earliest(next, due);
        continue;
      }
      try {
        action.run(found.get(), alert, due.get());
      } catch (RuntimeException e) {
        log.error("{} of alert #{} ({}) failed", what, alert.id(), found.get().name(), e);
      }
    }
    return next;
  }
}
