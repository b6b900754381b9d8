package dev.meister.core.action;

import dev.meister.core.alert.AirflowTask;
import dev.meister.core.alert.Alert;
import dev.meister.core.alert.GitHubRun;
import java.util.Optional;

/** The run an action on an alert changes: the alert's own DAG run (and task) or workflow run. */
public final class ActionTargets {
  private ActionTargets() {}

  /**
   * The target of {@code kind} on {@code alert}.
   *
   * @param airflow the Airflow instance the alert's policy names
   * @throws IllegalArgumentException in one line when the alert does not carry what the action
   *     needs: a run id, a task, or a run of the action's side
   */
  public static ActionTarget of(Alert alert, ActionKind kind, Optional<String> airflow) {
    if (kind.side() != ActionPolicies.side(alert)) {
      throw new IllegalArgumentException(
          kind.command()
              + " is "
              + (kind.side() == ActionKind.Side.AIRFLOW ? "an Airflow" : "a GitHub Actions")
              + " action; alert #"
              + alert.storedId()
              + " is not.");
    }
    if (kind.side() == ActionKind.Side.GITHUB) {
      GitHubRun run = alert.gitHubRun().orElseThrow();
      long id =
          run.runId()
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "Alert #" + alert.storedId() + " has no workflow run id to act on."));
      return new ActionTarget.WorkflowRun(run.repo(), id);
    }
    AirflowTask task = alert.airflowTask().orElseThrow();
    String run =
        task.dagRunId()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "Alert #" + alert.storedId() + " has no DAG run id to act on."));
    String instance =
        airflow.orElseThrow(
            () ->
                new IllegalArgumentException(
                    "No Airflow instance is configured for alert #" + alert.storedId() + "."));
    Optional<String> failed = needsTask(kind) ? task.taskId() : Optional.empty();
    if (needsTask(kind) && failed.isEmpty()) {
      throw new IllegalArgumentException(
          "Alert #"
              + alert.storedId()
              + " names no task, and "
              + kind.command()
              + " needs one; retry-run clears the run's failed tasks.");
    }
    return new ActionTarget.AirflowRun(instance, task.dagId(), run, failed);
  }

  /** The run in a few words: {@code DAG etl run scheduled__… (task load)} or {@code o/r run 9}. */
  public static String describe(ActionTarget target) {
    if (target instanceof ActionTarget.AirflowRun a) {
      return "DAG "
          + a.dagId()
          + " run "
          + a.runId()
          + a.task().map(t -> " (task " + t + ")").orElse("");
    }
    ActionTarget.WorkflowRun w = (ActionTarget.WorkflowRun) target;
    return w.repo() + " run " + w.runId();
  }

  private static boolean needsTask(ActionKind kind) {
    return kind == ActionKind.CLEAR
        || kind == ActionKind.CLEAR_DOWNSTREAM
        || kind == ActionKind.MARK_SUCCESS;
  }
}
