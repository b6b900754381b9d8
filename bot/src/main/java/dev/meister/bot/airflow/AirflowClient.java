package dev.meister.bot.airflow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meister.bot.config.AirflowApi;
import dev.meister.bot.config.AirflowInstance;
import dev.meister.core.status.DagRun;
import dev.meister.core.status.DagRunSource;
import dev.meister.core.status.TaskRun;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
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

  private final AirflowInstance instance;
  private final AirflowHttp http;

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
    this.http = new AirflowHttp(instance, http);
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
    return http.dag(dagId).addPathSegment("dagRuns").build();
  }

  private JsonNode get(HttpUrl url, String what) {
    return http.get(url, what);
  }

  private AirflowException bad(String what, @Nullable String why) {
    return http.bad(what, why);
  }

  /** The one HTTP path to this instance, shared with its {@link AirflowActions}. */
  AirflowHttp http() {
    return http;
  }

  /** Releases the connection pool and the dispatcher's threads. */
  @Override
  public void close() {
    http.close();
  }
}
