package dev.meister.bot.airflow;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meister.core.action.ActionKind;
import dev.meister.core.action.ActionTarget.AirflowRun;
import java.util.Optional;

/**
 * One {@code POST /dags/{dag_id}/clearTaskInstances} of a single DAG run, in the body both APIs
 * accept (v1 {@code ClearTaskInstances}, v2 {@code ClearTaskInstancesBody}, which forbids any other
 * field).
 *
 * <p>Every clear is {@code only_failed}: seed 003 clears "the downstream nodes that have failed due
 * to the upstream failure" and "downstream jobs that were marked as failures", never tasks that
 * succeeded or still run, so {@code clear-downstream} leaves a successful downstream task alone.
 * Airflow counts {@code failed} and {@code upstream_failed} as failed. {@code reset_dag_runs} is
 * always sent: v1 defaults it to false, and a failed run whose tasks are cleared without being set
 * back to queued is never picked up by the scheduler.
 *
 * @param task the task to clear, empty to clear every failed task of the run
 * @param downstream whether the task's downstream tasks are included
 */
record ClearRequest(Optional<String> task, boolean downstream) {
  /** The clear {@code kind} asks for on {@code target}: clear, clear-downstream or retry-run. */
  static ClearRequest of(ActionKind kind, AirflowRun target) {
    return switch (kind) {
      case CLEAR -> new ClearRequest(Optional.of(task(kind, target)), false);
      case CLEAR_DOWNSTREAM, MARK_SUCCESS ->
          new ClearRequest(Optional.of(task(kind, target)), true);
      case RETRY_RUN -> new ClearRequest(Optional.empty(), false);
      default -> throw new IllegalArgumentException(kind.command() + " is not a clear");
    };
  }

  /** The failed task a task action needs; the worker only builds such targets from alerts. */
  static String task(ActionKind kind, AirflowRun target) {
    return target
        .task()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    kind.command()
                        + " needs the failed task, and run "
                        + target.runId()
                        + " of DAG "
                        + target.dagId()
                        + " names none"));
  }

  ObjectNode body(String runId, boolean dryRun) {
    ObjectNode body = AirflowHttp.JSON.createObjectNode();
    body.put("dry_run", dryRun);
    body.put("dag_run_id", runId);
    task.ifPresent(t -> body.putArray("task_ids").add(t));
    body.put("include_downstream", downstream);
    body.put("only_failed", true);
    body.put("reset_dag_runs", true);
    return body;
  }
}
