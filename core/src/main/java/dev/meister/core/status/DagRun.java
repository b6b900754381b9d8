package dev.meister.core.status;

import dev.meister.core.validation.Checks;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One run of a DAG.
 *
 * @param logicalDate Airflow 2's {@code execution_date}/{@code logical_date}; Airflow 3 leaves it
 *     empty for some manual runs
 * @param runAfter when the run was due: Airflow 3's {@code run_after}; on Airflow 2 the end of its
 *     data interval (when the scheduler starts it), else the logical date
 */
public record DagRun(
    String dagId,
    String runId,
    RunState state,
    @Nullable Instant logicalDate,
    @Nullable Instant runAfter,
    @Nullable Instant startDate,
    @Nullable Instant endDate) {

  public DagRun {
    Checks.notBlank(dagId, "dagId");
    Checks.notBlank(runId, "runId");
  }

  /** The instant that names the run for people: its logical date, else when it was due. */
  public @Nullable Instant date() {
    return logicalDate != null ? logicalDate : runAfter;
  }
}
