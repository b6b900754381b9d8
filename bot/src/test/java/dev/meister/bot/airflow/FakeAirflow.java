package dev.meister.bot.airflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meister.testing.ApiAnswer;
import dev.meister.testing.ApiRequest;
import dev.meister.testing.LoopbackApi;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Airflow's stable REST API on 127.0.0.1, v1 or v2, serving one DAG's latest run and its task
 * instances in the shapes of the fixtures in {@code fixtures/airflow}, paginated as Airflow does
 * (https://airflow.apache.org/docs/apache-airflow/stable/stable-rest-api-ref.html). Tests change
 * task and run states between polls, make it answer 503, and see every request.
 */
public final class FakeAirflow extends LoopbackApi {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String version;
  private final String dagId;
  // Guarded by "this".
  private ObjectNode run;
  private final List<ObjectNode> tasks = new ArrayList<>();
  // Earlier runs, served after the latest one by the list of DAG runs.
  private final List<ObjectNode> earlier = new ArrayList<>();
  private @Nullable String expectedAuthorization;
  private @Nullable String username;
  private @Nullable String password;
  private int tokensIssued;
  private int failing;
  private int status = 200;
  private boolean noRuns;
  private final FakeAirflowWrites writes;

  /**
   * @param version {@code v1} or {@code v2}
   * @param runs the fixture with the run, e.g. {@code v2.dagRuns.running.json}
   * @param taskInstances the fixture with its task instances
   */
  public FakeAirflow(String version, String runs, String taskInstances) throws IOException {
    super("fake-airflow");
    this.version = version;
    this.run = (ObjectNode) fixture(runs).get("dag_runs").get(0);
    this.dagId = run.get("dag_id").asText();
    for (JsonNode task : fixture(taskInstances).get("task_instances")) {
      tasks.add((ObjectNode) task);
    }
    this.writes = new FakeAirflowWrites(version, dagId);
  }

  public static FakeAirflow v2Running() throws IOException {
    return new FakeAirflow("v2", "v2.dagRuns.running.json", "v2.taskInstances.in-progress.json");
  }

  public static FakeAirflow v1Failed() throws IOException {
    return new FakeAirflow("v1", "v1.dagRuns.failed.json", "v1.taskInstances.failed.json");
  }

  static JsonNode fixture(String name) {
    try (InputStream in = FakeAirflow.class.getResourceAsStream("/fixtures/airflow/" + name)) {
      return JSON.readTree(Objects.requireNonNull(in, name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String url() {
    return root();
  }

  public String dagId() {
    return dagId;
  }

  public synchronized String runId() {
    return run.get("dag_run_id").asText();
  }

  /** Requires this exact Authorization header; anything else gets 401. */
  public synchronized void requireAuthorization(String header) {
    expectedAuthorization = header;
  }

  /** Airflow 3's /auth/token: issues {@code jwt-N} for these credentials, and requires it. */
  public synchronized void issueTokensFor(String user, String pass) {
    username = user;
    password = pass;
    tokensIssued = 0;
    expectedAuthorization = "Bearer jwt-0";
  }

  /** As if the JWT expired: the next token issued is a new one, the old one is refused. */
  public synchronized void expireToken() {
    expectedAuthorization = "Bearer jwt-" + tokensIssued;
  }

  public synchronized void state(String taskId, @Nullable String state) {
    for (ObjectNode task : tasks) {
      if (task.get("task_id").asText().equals(taskId)) {
        if (state == null) {
          task.putNull("state");
        } else {
          task.put("state", state);
        }
      }
    }
  }

  /** Sets the latest run's state alone, as the SLA check reads it: running, success, failed. */
  public synchronized void latestRunIs(String state) {
    run.put("state", state);
  }

  /**
   * Makes the latest run the one due at {@code dueIso} (a scheduled run of that moment, started 5
   * seconds later) in {@code state}; a final state ends it 40 minutes after it was due.
   */
  public synchronized void latestRunDueAt(String dueIso, String state) {
    reshape(run, dueIso, state);
  }

  /**
   * Adds an earlier run, due at {@code dueIso}, in {@code state}, as the list of runs serves it.
   */
  public synchronized void addEarlierRun(String dueIso, String state) {
    ObjectNode copy = run.deepCopy();
    reshape(copy, dueIso, state);
    earlier.add(copy);
  }

  private void reshape(ObjectNode r, String dueIso, String state) {
    java.time.Instant due = java.time.Instant.parse(dueIso);
    r.put(
        "dag_run_id",
        "scheduled__"
            + java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx")
                .format(due.atOffset(java.time.ZoneOffset.UTC)));
    boolean v2 = version.equals("v2");
    r.put("logical_date", (v2 ? due : due.minus(java.time.Duration.ofDays(1))).toString());
    if (r.has("execution_date")) {
      r.put("execution_date", due.minus(java.time.Duration.ofDays(1)).toString());
    }
    r.put("data_interval_start", due.minus(java.time.Duration.ofDays(1)).toString());
    r.put("data_interval_end", due.toString());
    if (v2) {
      r.put("run_after", due.toString());
    }
    r.put("start_date", due.plusSeconds(5).toString());
    r.put("state", state);
    if (state.equals("success") || state.equals("failed")) {
      r.put("end_date", due.plus(java.time.Duration.ofMinutes(40)).toString());
    } else {
      r.putNull("end_date");
    }
  }

  /** Sets the run's state; a final one also gets an {@code end_date} of 04:11 UTC. */
  public synchronized void runState(String state) {
    run.put("state", state);
    if (state.equals("success") || state.equals("failed")) {
      run.put("end_date", "2026-11-23T04:11:00Z");
    }
  }

  /** Sets when the run ended, e.g. yesterday's run still being the latest. */
  public synchronized void endedAt(String isoInstant) {
    run.put("end_date", isoInstant);
  }

  /** Replaces {@code taskId}'s instance with {@code states.length} mapped instances. */
  public synchronized void mapped(String taskId, String... states) {
    ObjectNode template =
        tasks.stream()
            .filter(t -> t.get("task_id").asText().equals(taskId))
            .findFirst()
            .orElseThrow();
    int at = tasks.indexOf(template);
    tasks.remove(at);
    for (int i = 0; i < states.length; i++) {
      ObjectNode copy = template.deepCopy();
      copy.put("map_index", i);
      copy.put("state", states[i]);
      tasks.add(at + i, copy);
    }
  }

  /** Adds plain task instances (for paging), state null. */
  public synchronized void addTasks(String prefix, int count) {
    for (int i = 0; i < count; i++) {
      ObjectNode copy = tasks.get(0).deepCopy();
      copy.put("task_id", prefix + i);
      copy.putNull("state");
      tasks.add(copy);
    }
  }

  /** The next {@code calls} requests answer 503, as an Airflow behind a failing proxy does. */
  public synchronized void failNext(int calls) {
    failing = calls;
  }

  /** Answers every request with {@code newStatus} (e.g. 503) until set back to 200. */
  public synchronized void answer(int newStatus) {
    status = newStatus;
  }

  public synchronized void noRuns() {
    noRuns = true;
  }

  /** A task instance's state now, null when Airflow has none (e.g. just cleared). */
  public synchronized @Nullable String stateOf(String taskId) {
    for (ObjectNode task : tasks) {
      if (task.get("task_id").asText().equals(taskId)) {
        JsonNode state = task.get("state");
        return state == null || state.isNull() ? null : state.asText();
      }
    }
    throw new AssertionError("no task " + taskId);
  }

  public synchronized String runStateNow() {
    return run.get("state").asText();
  }

  public synchronized boolean paused() {
    return writes.paused();
  }

  public synchronized void paused(boolean paused) {
    writes.paused(paused);
  }

  /** The JSON bodies of the requests with {@code method} whose path ends with {@code suffix}. */
  public List<JsonNode> bodies(String method, String suffix) {
    return received().stream()
        .filter(r -> r.method().equals(method) && r.path().endsWith(suffix))
        .map(ApiRequest::json)
        .toList();
  }

  /** Every request as {@code METHOD path?query}. */
  public List<String> requests() {
    return received().stream().map(ApiRequest::line).toList();
  }

  public List<String> authorizations() {
    return received().stream().map(r -> r.header("Authorization").orElse("null")).toList();
  }

  @Override
  protected synchronized ApiAnswer serve(ApiRequest request) {
    String path = request.rawPath();
    String query = request.query();
    @Nullable String auth = request.header("Authorization").orElse(null);
    if (status != 200) {
      return ApiAnswer.json(status, "{\"detail\":\"Service Unavailable\"}");
    }
    if (failing > 0) {
      failing--;
      return ApiAnswer.json(503, "<html>Service Unavailable</html>");
    }
    java.util.Optional<ApiAnswer> script = scripted(request);
    if (script.isPresent()) {
      return script.get();
    }
    if (path.equals("/auth/token") && request.method().equals("POST")) {
      JsonNode body = request.json();
      if (username != null
          && username.equals(body.path("username").asText())
          && Objects.equals(password, body.path("password").asText())) {
        String issued = "jwt-" + tokensIssued++;
        return ApiAnswer.json(201, JSON.createObjectNode().put("access_token", issued));
      } else {
        return ApiAnswer.json(401, "{\"detail\":\"Invalid credentials\"}");
      }
    }
    if (expectedAuthorization != null && !expectedAuthorization.equals(auth)) {
      return ApiAnswer.json(401, "{\"detail\":\"Not authenticated\"}");
    }
    String prefix = "/api/" + version + "/dags/";
    if (!path.startsWith(prefix)) {
      return ApiAnswer.json(404, "{\"detail\":\"Not Found\"}");
    }
    String[] parts = path.substring(prefix.length()).split("/");
    String dag = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
    if (!dag.equals(dagId)) {
      return ApiAnswer.json(
          404,
          "{\"title\":\"DAG not found\",\"detail\":\"DAG with dag_id: '"
              + dag
              + "' not found\",\"status\":404}");
    }
    Map<String, String> params = params(query);
    String method = request.method();
    if (parts.length == 1) {
      return writes.dag(request);
    }
    if (parts.length == 2 && parts[1].equals("clearTaskInstances") && method.equals("POST")) {
      return writes.clear(request, run, tasks);
    }
    if (parts.length >= 5 && parts[3].equals("taskInstances") && method.equals("PATCH")) {
      return writes.patchTask(
          request,
          URLDecoder.decode(parts[2].replace("+", "%2B"), StandardCharsets.UTF_8),
          URLDecoder.decode(parts[4], StandardCharsets.UTF_8),
          parts.length == 6 && parts[5].equals("dry_run"),
          run,
          tasks);
    }
    if (parts.length == 2 && parts[1].equals("dagRuns")) {
      List<ObjectNode> all = new ArrayList<>();
      if (!noRuns) {
        all.add(run);
        all.addAll(earlier);
      }
      all.sort(java.util.Comparator.comparing(FakeAirflow::due).reversed());
      int limit = Integer.parseInt(params.getOrDefault("limit", "100"));
      int offset = Integer.parseInt(params.getOrDefault("offset", "0"));
      ArrayNode runs = JSON.createArrayNode();
      for (int i = offset; i < Math.min(all.size(), offset + limit); i++) {
        runs.add(all.get(i));
      }
      ObjectNode answer = JSON.createObjectNode();
      answer.set("dag_runs", runs);
      answer.put("total_entries", all.size());
      return ApiAnswer.json(200, answer.toString());
    }
    String runId =
        parts.length > 2
            ? URLDecoder.decode(parts[2].replace("+", "%2B"), StandardCharsets.UTF_8)
            : "";
    if (!runId.equals(runId())) {
      return ApiAnswer.json(404, "{\"detail\":\"DagRun not found\"}");
    }
    if (parts.length == 3) {
      return ApiAnswer.json(200, run.toString());
    }
    int limit = Integer.parseInt(params.getOrDefault("limit", "100"));
    int offset = Integer.parseInt(params.getOrDefault("offset", "0"));
    ArrayNode page = JSON.createArrayNode();
    for (int i = offset; i < Math.min(tasks.size(), offset + limit); i++) {
      page.add(tasks.get(i));
    }
    ObjectNode answer = JSON.createObjectNode();
    answer.set("task_instances", page);
    answer.put("total_entries", tasks.size());
    return ApiAnswer.json(200, answer.toString());
  }

  /** What Airflow orders runs by: run_after (v2), else the data interval's end. */
  private static String due(ObjectNode r) {
    for (String field : List.of("run_after", "data_interval_end", "logical_date")) {
      JsonNode v = r.get(field);
      if (v != null && !v.isNull()) {
        return java.time.Instant.parse(v.asText()).toString();
      }
    }
    return "";
  }

  private static Map<String, String> params(@Nullable String query) {
    Map<String, String> params = new HashMap<>();
    if (query != null) {
      for (String pair : query.split("&")) {
        int eq = pair.indexOf('=');
        params.put(
            pair.substring(0, eq),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return params;
  }
}
