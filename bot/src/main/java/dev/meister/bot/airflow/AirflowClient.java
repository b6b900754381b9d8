package dev.meister.bot.airflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meister.bot.config.AirflowApi;
import dev.meister.bot.config.AirflowInstance;
import dev.meister.core.status.DagRun;
import dev.meister.core.status.DagRunSource;
import dev.meister.core.status.RunSourceException.Reason;
import dev.meister.core.status.TaskRun;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;

/**
 * Reads DAG runs and task instances from one Airflow instance over its stable REST API, v1 (Airflow
 * 2) or v2 (Airflow 3) as configured. Every call is bounded by the instance's timeout, so a hung
 * Airflow cannot hold a chat command or a poll for long; failures are {@link AirflowException}s
 * saying what went wrong.
 */
public final class AirflowClient implements DagRunSource, AutoCloseable {
  /** Airflow's default maximum page size. */
  static final int PAGE = 100;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final AirflowInstance instance;
  private final HttpUrl api;
  private final OkHttpClient http;
  private final AirflowAuth auth;

  public AirflowClient(AirflowInstance instance) {
    this(
        instance,
        new OkHttpClient.Builder()
            .connectTimeout(instance.timeout())
            .readTimeout(instance.timeout())
            .callTimeout(instance.timeout().multipliedBy(2))
            .build());
  }

  AirflowClient(AirflowInstance instance, OkHttpClient http) {
    this.instance = instance;
    HttpUrl base = HttpUrl.parse(instance.url());
    if (base == null) {
      throw new IllegalArgumentException(
          "airflow." + instance.name() + ".url '" + instance.url() + "' is not an http(s) URL");
    }
    this.api = base.newBuilder().addPathSegments(instance.api().path()).build();
    this.http = http;
    this.auth = new AirflowAuth(instance, base, http, JSON, this::describe);
  }

  /** The DAG's most recent run: by {@code execution_date} on v1, {@code run_after} on v2. */
  @Override
  public Optional<DagRun> latestRun(String dagId) {
    // v2's logical_date is null for some manual runs; run_after is always set.
    String order = instance.api() == AirflowApi.V1 ? "-execution_date" : "-run_after";
    HttpUrl url =
        dagRuns(dagId)
            .newBuilder()
            .addQueryParameter("order_by", order)
            .addQueryParameter("limit", "1")
            .build();
    JsonNode runs = get(url, "DAG " + dagId).path("dag_runs");
    if (!runs.isArray()) {
      throw bad("the DAG runs of " + dagId, "no 'dag_runs' list");
    }
    return runs.isEmpty() ? Optional.empty() : Optional.of(dagRun(runs.get(0), dagId));
  }

  /**
   * The runs due since {@code since}, newest first, page by page: ordered by {@code run_after} on
   * v2 and {@code execution_date} on v1 (whose due time, the end of the data interval, follows the
   * same order), read until a run is due before {@code since}.
   */
  @Override
  public List<DagRun> runsDueSince(String dagId, Instant since) {
    String order = instance.api() == AirflowApi.V1 ? "-execution_date" : "-run_after";
    List<DagRun> found = new ArrayList<>();
    for (int offset = 0; ; offset += PAGE) {
      HttpUrl url =
          dagRuns(dagId)
              .newBuilder()
              .addQueryParameter("order_by", order)
              .addQueryParameter("limit", String.valueOf(PAGE))
              .addQueryParameter("offset", String.valueOf(offset))
              .build();
      JsonNode page = get(url, "DAG " + dagId);
      JsonNode runs = page.path("dag_runs");
      if (!runs.isArray()) {
        throw bad("the DAG runs of " + dagId, "no 'dag_runs' list");
      }
      for (JsonNode node : runs) {
        DagRun run = dagRun(node, dagId);
        Instant due = run.runAfter();
        if (due != null && due.isBefore(since)) {
          return found;
        }
        found.add(run);
      }
      if (runs.size() < PAGE || offset + PAGE >= page.path("total_entries").asInt(0)) {
        return found;
      }
    }
  }

  @Override
  public DagRun run(String dagId, String runId) {
    HttpUrl url = dagRuns(dagId).newBuilder().addPathSegment(runId).build();
    return dagRun(get(url, "run " + runId + " of DAG " + dagId), dagId);
  }

  /** Every task instance of the run, page by page until {@code total_entries} are read. */
  @Override
  public List<TaskRun> taskRuns(String dagId, String runId) {
    List<TaskRun> tasks = new ArrayList<>();
    while (true) {
      HttpUrl url =
          dagRuns(dagId)
              .newBuilder()
              .addPathSegment(runId)
              .addPathSegment("taskInstances")
              .addQueryParameter("limit", String.valueOf(PAGE))
              .addQueryParameter("offset", String.valueOf(tasks.size()))
              .build();
      JsonNode page = get(url, "run " + runId + " of DAG " + dagId);
      JsonNode items = page.path("task_instances");
      if (!items.isArray()) {
        throw bad("the task instances of " + runId, "no 'task_instances' list");
      }
      for (JsonNode item : items) {
        try {
          tasks.add(AirflowJson.taskRun(item));
        } catch (IllegalArgumentException e) {
          throw bad("a task instance of " + runId, e.getMessage());
        }
      }
      int total = page.path("total_entries").asInt(tasks.size());
      if (items.isEmpty() || tasks.size() >= total) {
        return tasks;
      }
    }
  }

  private DagRun dagRun(JsonNode node, String dagId) {
    try {
      return AirflowJson.dagRun(node);
    } catch (IllegalArgumentException e) {
      throw bad("a run of " + dagId, e.getMessage());
    }
  }

  private HttpUrl dagRuns(String dagId) {
    return api.newBuilder()
        .addPathSegment("dags")
        .addPathSegment(dagId)
        .addPathSegment("dagRuns")
        .build();
  }

  private JsonNode get(HttpUrl url, String what) {
    Request request =
        new Request.Builder().url(url).get().header("Accept", "application/json").build();
    try (Response response = auth.execute(request)) {
      int code = response.code();
      if (code == 401 || code == 403) {
        throw new AirflowException(
            Reason.REFUSED,
            describe()
                + " refused the request (HTTP "
                + code
                + "): check the credentials in airflow."
                + instance.name(),
            code);
      }
      if (code == 404) {
        throw new AirflowException(
            Reason.NOT_FOUND, describe() + " does not know " + what + " (HTTP 404)", code);
      }
      if (!response.isSuccessful()) {
        throw new AirflowException(
            Reason.UNREACHABLE, describe() + " answered HTTP " + code + " for " + what, code);
      }
      ResponseBody body = response.body();
      try {
        JsonNode json = JSON.readTree(body == null ? "" : body.string());
        if (json == null || !json.isObject()) {
          throw bad(what, "not a JSON object");
        }
        return json;
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw bad(what, "not JSON");
      }
    } catch (InterruptedIOException timeout) {
      throw new AirflowException(
          Reason.UNREACHABLE,
          describe() + " did not answer within " + instance.timeout().toSeconds() + "s",
          timeout);
    } catch (IOException e) {
      throw new AirflowException(
          Reason.UNREACHABLE,
          describe() + " is unreachable (" + e.getClass().getSimpleName() + ")",
          e);
    }
  }

  private AirflowException bad(String what, @Nullable String why) {
    return new AirflowException(
        Reason.BAD_RESPONSE,
        describe() + " sent an unexpected answer for " + what + ": " + why,
        200);
  }

  /** "Airflow 'prod' at airflow.example.com": never the URL's user info or query. */
  private String describe() {
    return "Airflow '"
        + instance.name()
        + "' at "
        + api.host()
        + (api.port() == HttpUrl.defaultPort(api.scheme()) ? "" : ":" + api.port());
  }

  /** Releases the connection pool and the dispatcher's threads. */
  @Override
  public void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
