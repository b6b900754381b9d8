package dev.meister.core.status;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port: where DAG runs and their task instances are read from (one Airflow instance). Every method
 * may throw {@link RunSourceException}.
 */
public interface DagRunSource {
  /** The DAG's most recent run (by logical date); empty when it has never run. */
  Optional<DagRun> latestRun(String dagId);

  /**
   * The DAG's runs due at or after {@code since} (by {@link DagRun#runAfter()}), newest first:
   * today's run for an SLA, the last week's for a reminder.
   */
  List<DagRun> runsDueSince(String dagId, Instant since);

  /** One run by its id. */
  DagRun run(String dagId, String runId);

  /** Every task instance of a run, mapped instances each on their own. */
  List<TaskRun> taskRuns(String dagId, String runId);
}
