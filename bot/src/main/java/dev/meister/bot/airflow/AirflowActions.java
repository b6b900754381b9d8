package dev.meister.bot.airflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meister.bot.config.AirflowApi;
import dev.meister.core.action.ActionKind;
import dev.meister.core.action.ActionPreview;
import dev.meister.core.action.ActionResult;
import dev.meister.core.action.ActionTarget.AirflowRun;
import dev.meister.core.status.TaskRun;
import dev.meister.core.status.TaskState;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import okhttp3.HttpUrl;

/**
 * Seed 003's recovery steps on one Airflow instance, through its {@link AirflowClient}'s
 * connection, credentials and timeouts: clear a failed task (and its failed downstream tasks), mark
 * a task successful, clear every failed task of a run, pause or unpause a DAG. A preview asks the
 * same endpoints with {@code dry_run} (v1 in the body, v2 at {@code .../dry_run} for a task
 * instance) and changes nothing.
 *
 * <p>Marking success uses {@code PATCH .../taskInstances/{task_id}} (v1 since Airflow 2.5.0).
 * Airflow 2 itself clears the failed downstream tasks of a task set to success ({@code
 * DAG.set_task_instance_state}); the explicit clear that follows covers an Airflow that does not,
 * and the downstream list is read before the mark, so the result names what was cleared either way.
 */
public final class AirflowActions {
  private static final int NAMED = 8;

  private final AirflowHttp http;

  public AirflowActions(AirflowClient client) {
    this.http = client.http();
  }

  /** What {@code kind} would touch, from the API's dry run or the DAG's state. */
  public ActionPreview preview(AirflowRun target, ActionKind kind) {
    return switch (kind) {
      case CLEAR, CLEAR_DOWNSTREAM, RETRY_RUN -> {
        List<TaskRun> would = clear(target, ClearRequest.of(kind, target), true);
        yield new ActionPreview(lines(would), clearPreview(target, kind, would));
      }
      case MARK_SUCCESS -> previewMark(target);
      case PAUSE, UNPAUSE -> previewPause(target, kind == ActionKind.PAUSE);
      default -> throw notAirflow(kind);
    };
  }

  /** Performs {@code kind}; see the class comment for what each kind sends. */
  public ActionResult execute(AirflowRun target, ActionKind kind) {
    return switch (kind) {
      case CLEAR, CLEAR_DOWNSTREAM, RETRY_RUN -> {
        List<TaskRun> cleared = clear(target, ClearRequest.of(kind, target), false);
        String failed = kind == ActionKind.RETRY_RUN ? "failed " : "";
        String summary =
            cleared.isEmpty()
                ? "Cleared no task instances of run " + target.runId() + ": none had failed"
                : "Cleared " + count(cleared.size(), failed) + " of run " + target.runId();
        yield new ActionResult(labels(cleared), summary);
      }
      case MARK_SUCCESS -> executeMark(target);
      case PAUSE, UNPAUSE -> executePause(target, kind == ActionKind.PAUSE);
      default -> throw notAirflow(kind);
    };
  }

  private List<TaskRun> clear(AirflowRun target, ClearRequest clear, boolean dryRun) {
    HttpUrl url = http.dag(target.dagId()).addPathSegment("clearTaskInstances").build();
    String doing =
        clear.task().map(t -> "clear " + t + " in ").orElse("clear the failed tasks of ")
            + runOf(target);
    JsonNode answer =
        call(doing, () -> http.send("POST", url, clear.body(target.runId(), dryRun), doing));
    return taskRuns(answer, doing);
  }

  private ActionPreview previewMark(AirflowRun target) {
    String task = ClearRequest.task(ActionKind.MARK_SUCCESS, target);
    List<TaskRun> marked = mark(target, task, true);
    List<TaskRun> downstream = downstream(target, task, true);
    List<String> items = new ArrayList<>();
    marked.forEach(t -> items.add(t.label() + " → success"));
    items.addAll(lines(downstream));
    if (marked.isEmpty()) {
      return new ActionPreview(
          items, "Nothing to mark: " + task + " is already successful in run " + target.runId());
    }
    String summary =
        downstream.isEmpty()
            ? "Would mark "
                + task
                + " successful in run "
                + target.runId()
                + "; none of its"
                + " downstream task instances failed"
            : "Would mark "
                + task
                + " successful and clear "
                + count(downstream.size(), "failed downstream ")
                + " of run "
                + target.runId()
                + ": "
                + names(downstream);
    return new ActionPreview(items, summary);
  }

  private ActionResult executeMark(AirflowRun target) {
    String task = ClearRequest.task(ActionKind.MARK_SUCCESS, target);
    // Read first: Airflow 2 clears these itself while marking, leaving the clear below nothing.
    Set<String> cleared = new LinkedHashSet<>(labels(downstream(target, task, true)));
    List<TaskRun> marked = mark(target, task, false);
    cleared.addAll(labels(downstream(target, task, false)));
    List<String> items = new ArrayList<>();
    (marked.isEmpty() ? List.of(new TaskRun(task, -1, TaskState.SUCCESS)) : marked)
        .forEach(t -> items.add(t.label() + " → success"));
    items.addAll(cleared);
    String summary =
        cleared.isEmpty()
            ? "Marked "
                + task
                + " successful in run "
                + target.runId()
                + "; none of its"
                + " downstream task instances had failed"
            : "Marked "
                + task
                + " successful and cleared "
                + count(cleared.size(), "failed downstream ")
                + " of run "
                + target.runId();
    return new ActionResult(items, summary);
  }

  /** The failed task instances downstream of {@code task}, without the task itself. */
  private List<TaskRun> downstream(AirflowRun target, String task, boolean dryRun) {
    return clear(target, ClearRequest.of(ActionKind.MARK_SUCCESS, target), dryRun).stream()
        .filter(t -> !t.taskId().equals(task))
        .toList();
  }

  /**
   * Sets {@code task} to success; v1 answers a TaskInstanceReference (dry run) or an unreliable
   * body (Airflow 2 dumps a list with a one-object schema), v2 the instances it changed.
   */
  private List<TaskRun> mark(AirflowRun target, String task, boolean dryRun) {
    boolean v1 = http.instance().api() == AirflowApi.V1;
    HttpUrl.Builder url =
        http.dag(target.dagId())
            .addPathSegment("dagRuns")
            .addPathSegment(target.runId())
            .addPathSegment("taskInstances")
            .addPathSegment(task);
    ObjectNode body = AirflowHttp.JSON.createObjectNode();
    if (v1) {
      body.put("dry_run", dryRun);
    } else if (dryRun) {
      url.addPathSegment("dry_run");
    }
    body.put("new_state", "success");
    String doing = "mark " + task + " successful in " + runOf(target);
    JsonNode answer = call(doing, () -> http.send("PATCH", url.build(), body, doing));
    if (answer.path("task_instances").isArray()) {
      return taskRuns(answer, doing);
    }
    return List.of(new TaskRun(task, -1, TaskState.NONE));
  }

  private ActionPreview previewPause(AirflowRun target, boolean pause) {
    String dag = target.dagId();
    String doing = "read DAG " + dag;
    boolean paused =
        call(doing, () -> http.get(http.dag(dag).build(), "DAG " + dag))
            .path("is_paused")
            .asBoolean(false);
    List<String> items = List.of(dag + ": " + (paused ? "paused" : "active"));
    String summary;
    if (pause) {
      summary =
          paused
              ? "DAG " + dag + " is already paused; pausing it changes nothing"
              : "Would pause DAG " + dag + ", which is active: pausing stops new runs";
    } else {
      summary =
          paused
              ? "Would unpause DAG "
                  + dag
                  + ", which is paused: the scheduler starts its runs again"
              : "DAG " + dag + " is not paused; unpausing it changes nothing";
    }
    return new ActionPreview(items, summary);
  }

  private ActionResult executePause(AirflowRun target, boolean pause) {
    String dag = target.dagId();
    HttpUrl url = http.dag(dag).addQueryParameter("update_mask", "is_paused").build();
    ObjectNode body = AirflowHttp.JSON.createObjectNode().put("is_paused", pause);
    String doing = (pause ? "pause" : "unpause") + " DAG " + dag;
    JsonNode answer = call(doing, () -> http.send("PATCH", url, body, doing));
    if (answer.path("is_paused").asBoolean(!pause) != pause) {
      throw ActionFailures.unavailable(http.bad("the " + doing, "is_paused is still " + !pause));
    }
    return new ActionResult(
        List.of(dag + ": " + (pause ? "paused" : "active")),
        (pause ? "Paused" : "Unpaused") + " DAG " + dag);
  }

  private String clearPreview(AirflowRun target, ActionKind kind, List<TaskRun> would) {
    if (would.isEmpty()) {
      String task = target.task().orElse("");
      return switch (kind) {
        case CLEAR -> "Nothing to clear: " + task + " has not failed in run " + target.runId();
        case CLEAR_DOWNSTREAM ->
            "Nothing to clear: neither "
                + task
                + " nor its downstream tasks failed in run "
                + target.runId();
        default -> "Nothing to clear: no task instance of run " + target.runId() + " failed";
      };
    }
    String failed = kind == ActionKind.RETRY_RUN ? "failed " : "";
    return "Would clear "
        + count(would.size(), failed)
        + " of run "
        + target.runId()
        + ": "
        + names(would);
  }

  private List<TaskRun> taskRuns(JsonNode answer, String doing) {
    JsonNode items = answer.path("task_instances");
    if (!items.isArray()) {
      throw ActionFailures.unavailable(http.bad(doing, "no 'task_instances' list"));
    }
    List<TaskRun> runs = new ArrayList<>();
    for (JsonNode item : items) {
      try {
        runs.add(AirflowJson.taskRun(item));
      } catch (IllegalArgumentException e) {
        throw ActionFailures.unavailable(http.bad(doing, e.getMessage()));
      }
    }
    return runs;
  }

  /** Runs one call, turning Airflow's failure into a refusal or an outage. */
  private JsonNode call(String doing, Supplier<JsonNode> call) {
    try {
      return call.get();
    } catch (AirflowException e) {
      throw ActionFailures.of(http, e, doing);
    }
  }

  private static IllegalArgumentException notAirflow(ActionKind kind) {
    return new IllegalArgumentException(kind.command() + " is not an Airflow action");
  }

  private static String runOf(AirflowRun target) {
    return "run " + target.runId() + " of DAG " + target.dagId();
  }

  /** "finance [failed]", or "finance" when the answer gives no state (v1's references). */
  private static List<String> lines(List<TaskRun> runs) {
    return runs.stream()
        .map(
            t ->
                t.state() == TaskState.NONE
                    ? t.label()
                    : t.label() + " [" + t.state().airflowName() + "]")
        .toList();
  }

  private static List<String> labels(List<TaskRun> runs) {
    return runs.stream().map(TaskRun::label).toList();
  }

  /** The first few task instances' labels, for a summary. */
  private static String names(List<TaskRun> runs) {
    List<String> labels = labels(runs).stream().distinct().toList();
    String shown = String.join(", ", labels.subList(0, Math.min(NAMED, labels.size())));
    return labels.size() > NAMED ? shown + " and " + (labels.size() - NAMED) + " more" : shown;
  }

  /** "1 task instance", "4 failed task instances". */
  private static String count(int n, String adjective) {
    return n + " " + adjective + (n == 1 ? "task instance" : "task instances");
  }
}
