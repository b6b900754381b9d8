package dev.meister.core.status;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads a board's latest run from its Airflow instance and evaluates its stages. */
public final class StatusReader {
  private final Map<String, DagRunSource> sources;
  private final Clock clock;

  /**
   * @param sources by configured Airflow instance name
   */
  public StatusReader(Map<String, DagRunSource> sources, Clock clock) {
    this.sources = Map.copyOf(sources);
    this.clock = clock;
  }

  /** Never throws for Airflow's failures: they become the snapshot's problem. */
  public StatusSnapshot read(StatusBoard board) {
    DagRunSource source = sources.get(board.airflow());
    if (source == null) {
      return StatusSnapshot.problem(
          board, "Airflow instance '" + board.airflow() + "' is not configured", clock.instant());
    }
    try {
      Optional<DagRun> latest = source.latestRun(board.dagId());
      if (latest.isEmpty()) {
        return StatusSnapshot.problem(
            board, "DAG " + board.dagId() + " has no runs yet", clock.instant());
      }
      DagRun run = latest.get();
      List<TaskRun> tasks = source.taskRuns(board.dagId(), run.runId());
      return StatusSnapshot.of(StageRules.evaluate(board, run, tasks, clock.instant()));
    } catch (RunSourceException e) {
      return StatusSnapshot.problem(board, String.valueOf(e.getMessage()), clock.instant());
    }
  }
}
