package dev.meister.core.status;

import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One attempt to read a board: the report, or why there is none (the DAG never ran, Airflow could
 * not be asked).
 */
public record StatusSnapshot(
    StatusBoard board, @Nullable StatusReport report, @Nullable String problem, Instant at) {

  public StatusSnapshot {
    if ((report == null) == (problem == null)) {
      throw new IllegalArgumentException("a snapshot has either a report or a problem");
    }
  }

  public static StatusSnapshot of(StatusReport report) {
    return new StatusSnapshot(report.board(), report, null, report.observedAt());
  }

  public static StatusSnapshot problem(StatusBoard board, String problem, Instant at) {
    return new StatusSnapshot(board, null, problem, at);
  }

  public Optional<StatusReport> reportIfAny() {
    return Optional.ofNullable(report);
  }

  /**
   * Whether polling can stop: the run is over. A problem is never final; the next poll may pass.
   */
  public boolean isFinal() {
    return report != null && report.isFinal();
  }
}
