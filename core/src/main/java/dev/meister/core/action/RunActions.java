package dev.meister.core.action;

/**
 * Port: performs runbook actions on Airflow DAG runs and GitHub workflow runs. Calls block and are
 * bounded by the client's timeout. A refusal is an {@link ActionRefusedException}, an outage (5xx,
 * 429, network) an {@link ActionUnavailableException}; an action that does not fit the target's
 * side (e.g. {@code pause} on a workflow run) is an {@link IllegalArgumentException}.
 */
public interface RunActions {
  /** What {@code kind} would touch on {@code target}, changing nothing. */
  ActionPreview preview(ActionTarget target, ActionKind kind);

  /** Performs {@code kind} on {@code target}. */
  ActionResult execute(ActionTarget target, ActionKind kind);
}
