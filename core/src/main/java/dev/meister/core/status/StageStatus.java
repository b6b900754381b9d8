package dev.meister.core.status;

import java.util.List;

/**
 * A stage's state in one run.
 *
 * @param failures the failed task instances, those that failed themselves first; empty unless
 *     {@link StageState#FAILED}
 * @param done how many of the stage's instances (calculate and load) are done
 * @param total how many instances the stage has in this run
 */
public record StageStatus(
    Stage stage, StageState state, List<TaskRun> failures, int done, int total) {
  public StageStatus {
    failures = List.copyOf(failures);
  }
}
