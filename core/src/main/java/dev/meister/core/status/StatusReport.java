package dev.meister.core.status;

import java.time.Instant;
import java.util.List;

/** The stages of one DAG run as they stood at {@code observedAt}. */
public record StatusReport(
    StatusBoard board, DagRun run, List<StageStatus> stages, Instant observedAt) {
  public StatusReport {
    stages = List.copyOf(stages);
  }

  /** The failed stages, in board order. */
  public List<StageStatus> failed() {
    return stages.stream().filter(s -> s.state() == StageState.FAILED).toList();
  }

  /**
   * Nothing will change any more without someone acting: the run has ended, or every stage is
   * loaded, failed or names no task of the run.
   */
  public boolean isFinal() {
    return run.state().isFinal() || stages.stream().allMatch(s -> s.state().isFinal());
  }
}
