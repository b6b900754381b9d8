package dev.meister.core.action;

import dev.meister.core.validation.Checks;
import java.util.Optional;

/** The run an action changes: an alert's own DAG run (and task) or workflow run. */
public sealed interface ActionTarget {
  /**
   * A DAG run on one configured Airflow instance.
   *
   * @param instance the {@code airflow.<name>} the run lives on
   * @param task the failed task; empty for run-wide actions (retry-run, pause, unpause)
   */
  record AirflowRun(String instance, String dagId, String runId, Optional<String> task)
      implements ActionTarget {
    public AirflowRun {
      Checks.notBlank(instance, "Airflow instance");
      Checks.notBlank(dagId, "DAG id");
      Checks.notBlank(runId, "DAG run id");
    }
  }

  /** A GitHub Actions workflow run. */
  record WorkflowRun(String repo, long runId) implements ActionTarget {
    public WorkflowRun {
      Checks.notBlank(repo, "repository");
    }
  }
}
