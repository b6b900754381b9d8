package dev.meister.bot.airflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meister.testing.ApiAnswer;
import dev.meister.testing.ApiRequest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The endpoints of {@link FakeAirflow} that change things, as the specs in {@code
 * fixtures/airflow/SOURCES.md} describe them: {@code GET}/{@code PATCH /dags/{dag_id}}, {@code POST
 * /dags/{dag_id}/clearTaskInstances} and {@code PATCH .../taskInstances/{task_id}} (and v2's {@code
 * .../dry_run}). Defaults are the specs' ({@code dry_run} and {@code only_failed} true; {@code
 * reset_dag_runs} false on v1, true on v2), unknown body fields are rejected as each API does (v1
 * marshmallow 400, v2 pydantic 422), and errors come in each API's shape (v1 problem JSON, v2
 * {@code {"detail": ...}}).
 *
 * <p>v1 marking success also clears the failed downstream tasks, as Airflow 2's {@code
 * DAG.set_task_instance_state} does; the v2 fake leaves that to an explicit clear, so both paths of
 * the client are exercised. Callers hold the fake's lock.
 */
final class FakeAirflowWrites {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> CLEAR_V1 =
      Set.of(
          "dry_run",
          "task_ids",
          "start_date",
          "end_date",
          "only_failed",
          "only_running",
          "reset_dag_runs",
          "dag_run_id",
          "include_upstream",
          "include_downstream",
          "include_future",
          "include_past");
  private static final Set<String> CLEAR_V2 =
      Set.of(
          "dry_run",
          "task_ids",
          "start_date",
          "end_date",
          "only_failed",
          "only_running",
          "reset_dag_runs",
          "dag_run_id",
          "include_upstream",
          "include_downstream",
          "include_future",
          "include_past",
          "run_on_latest_version");
  private static final Set<String> PATCH_V1 = Set.of("dry_run", "new_state");
  private static final Set<String> PATCH_V2 =
      Set.of(
          "new_state",
          "note",
          "include_upstream",
          "include_downstream",
          "include_future",
          "include_past");

  /**
   * The dagao's task graph (seed 001's status post stages): contracts feed finance and the
   * dimensional modelling; finance feeds the policies; policies and capivara-dm feed the rest.
   */
  private static final Map<String, List<String>> DOWNSTREAM =
      Map.of(
          "itaipu-contracts", List.of("finance", "itaipu-dimensional-modeling"),
          "finance", List.of("itaipu-policies"),
          "itaipu-dimensional-modeling", List.of("capivara-dm"),
          "capivara-dm", List.of("itaipu-rest"),
          "itaipu-policies", List.of("itaipu-rest"),
          "itaipu-rest", List.of("capivara-rest"),
          "capivara-rest", List.of());

  private final boolean v1;
  private final String dagId;
  private final ObjectNode dag;

  FakeAirflowWrites(String version, String dagId) {
    this.v1 = version.equals("v1");
    this.dagId = dagId;
    this.dag = (ObjectNode) FakeAirflow.fixture(version + ".dag.json");
  }

  boolean paused() {
    return dag.path("is_paused").asBoolean();
  }

  void paused(boolean paused) {
    dag.put("is_paused", paused);
  }

  /** {@code GET /dags/{dag_id}}, or {@code PATCH} of {@code is_paused} alone. */
  ApiAnswer dag(ApiRequest request) {
    if (request.method().equals("GET")) {
      return ApiAnswer.json(200, dag);
    }
    String query = request.query();
    if (query != null && !query.equals("update_mask=is_paused")) {
      return error(
          400, "Bad Request", "Only `is_paused` field can be updated through the REST API");
    }
    JsonNode in = request.json();
    ApiAnswer unknown = unknownFields(in, Set.of("is_paused"));
    if (unknown != null) {
      return unknown;
    }
    dag.put("is_paused", in.path("is_paused").asBoolean());
    return ApiAnswer.json(200, dag);
  }

  /** {@code POST /dags/{dag_id}/clearTaskInstances} for the one run the fake serves. */
  ApiAnswer clear(ApiRequest request, ObjectNode run, List<ObjectNode> tasks) {
    JsonNode in = request.json();
    ApiAnswer unknown = unknownFields(in, v1 ? CLEAR_V1 : CLEAR_V2);
    if (unknown != null) {
      return unknown;
    }
    String runId = in.path("dag_run_id").asText(run.path("dag_run_id").asText());
    if (!runId.equals(run.path("dag_run_id").asText())) {
      return error(404, "Not Found", "Dag Run id " + runId + " not found in dag " + dagId);
    }
    Set<String> ids = new LinkedHashSet<>();
    if (in.has("task_ids")) {
      in.path("task_ids").forEach(t -> ids.add(t.asText()));
      if (in.path("include_downstream").asBoolean(false)) {
        ids.addAll(descendants(ids));
      }
    } else {
      tasks.forEach(t -> ids.add(t.path("task_id").asText()));
    }
    boolean onlyFailed = in.path("only_failed").asBoolean(true);
    List<ObjectNode> selected = new ArrayList<>();
    for (ObjectNode task : tasks) {
      if (ids.contains(task.path("task_id").asText()) && (!onlyFailed || failed(task))) {
        selected.add(task);
      }
    }
    if (!in.path("dry_run").asBoolean(true)) {
      selected.forEach(t -> t.putNull("state"));
      if (!selected.isEmpty() && in.path("reset_dag_runs").asBoolean(!v1)) {
        run.put("state", "queued").putNull("end_date");
      }
    }
    return collection(selected);
  }

  /** {@code PATCH .../taskInstances/{task_id}} (v2 also {@code .../dry_run}) to a new state. */
  ApiAnswer patchTask(
      ApiRequest request,
      String runId,
      String taskId,
      boolean dryRunPath,
      ObjectNode run,
      List<ObjectNode> tasks) {
    if (!DOWNSTREAM.containsKey(taskId)) {
      return error(404, "Task not found", "Task '" + taskId + "' not found in DAG '" + dagId + "'");
    }
    List<ObjectNode> instances = new ArrayList<>();
    for (ObjectNode task : tasks) {
      if (task.path("task_id").asText().equals(taskId)) {
        instances.add(task);
      }
    }
    if (!runId.equals(run.path("dag_run_id").asText()) || instances.isEmpty()) {
      return error(
          404,
          "Not Found",
          "Task instance not found for task '" + taskId + "' on DAG run with ID '" + runId + "'");
    }
    JsonNode in = request.json();
    ApiAnswer unknown = unknownFields(in, v1 ? PATCH_V1 : PATCH_V2);
    if (unknown != null) {
      return unknown;
    }
    String state = in.path("new_state").asText();
    boolean dryRun = v1 ? in.path("dry_run").asBoolean(true) : dryRunPath;
    List<ObjectNode> changed =
        instances.stream().filter(t -> !state.equals(t.path("state").asText(null))).toList();
    if (v1) {
      if (!dryRun) {
        changed.forEach(t -> t.put("state", state));
        clearFailedDownstream(taskId, run, tasks);
      }
      return ApiAnswer.json(200, reference(instances.get(0)));
    }
    if (dryRun) {
      return collection(changed);
    }
    if (changed.isEmpty()) {
      return error(409, "Conflict", "Task id " + taskId + " is already in " + state + " state");
    }
    changed.forEach(t -> t.put("state", state));
    return collection(instances);
  }

  /** What Airflow 2 does after setting a state: clear failed downstream tasks, requeue the run. */
  private void clearFailedDownstream(String taskId, ObjectNode run, List<ObjectNode> tasks) {
    Set<String> below = descendants(Set.of(taskId));
    boolean any = false;
    for (ObjectNode task : tasks) {
      if (below.contains(task.path("task_id").asText()) && failed(task)) {
        task.putNull("state");
        any = true;
      }
    }
    if (any) {
      run.put("state", "queued").putNull("end_date");
    }
  }

  private static Set<String> descendants(Set<String> from) {
    Set<String> found = new LinkedHashSet<>();
    Deque<String> todo = new ArrayDeque<>(from);
    while (!todo.isEmpty()) {
      for (String next : DOWNSTREAM.getOrDefault(todo.pop(), List.of())) {
        if (found.add(next)) {
          todo.add(next);
        }
      }
    }
    return found;
  }

  private static boolean failed(JsonNode task) {
    String state = task.path("state").asText("");
    return state.equals("failed") || state.equals("upstream_failed");
  }

  /** v1 TaskInstanceReferenceCollection, v2 TaskInstanceCollectionResponse. */
  private ApiAnswer collection(List<ObjectNode> instances) {
    ObjectNode answer = JSON.createObjectNode();
    ArrayNode list = answer.putArray("task_instances");
    for (ObjectNode task : instances) {
      list.add(v1 ? reference(task) : task.deepCopy());
    }
    if (!v1) {
      answer.put("total_entries", instances.size());
    }
    return ApiAnswer.json(200, answer);
  }

  private static ObjectNode reference(JsonNode task) {
    ObjectNode ref = JSON.createObjectNode();
    ref.put("task_id", task.path("task_id").asText());
    ref.put("dag_id", task.path("dag_id").asText());
    ref.put("execution_date", task.path("execution_date").asText());
    ref.put("dag_run_id", task.path("dag_run_id").asText());
    return ref;
  }

  private @Nullable ApiAnswer unknownFields(JsonNode in, Set<String> allowed) {
    for (Iterator<String> names = in.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!allowed.contains(name)) {
        if (v1) {
          return error(400, "Bad Request", "{'" + name + "': ['Unknown field.']}");
        }
        ObjectNode answer = JSON.createObjectNode();
        answer
            .putArray("detail")
            .addObject()
            .put("type", "extra_forbidden")
            .put("msg", "Extra inputs are not permitted")
            .<ObjectNode>set("input", in.get(name))
            .putArray("loc")
            .add("body")
            .add(name);
        return ApiAnswer.json(422, answer);
      }
    }
    return null;
  }

  /** v1: RFC 7807 problem JSON (connexion); v2: FastAPI's {@code {"detail": "..."}}. */
  ApiAnswer error(int status, String title, String detail) {
    ObjectNode answer = JSON.createObjectNode();
    answer.put("detail", detail);
    if (v1) {
      answer
          .put("status", status)
          .put("title", title)
          .put(
              "type",
              "https://airflow.apache.org/docs/apache-airflow/2.10.0/stable-rest-api-ref.html"
                  + "#section/Errors/"
                  + title.replace(" ", ""));
    }
    return ApiAnswer.json(status, answer);
  }
}
