package dev.meister.core.alert;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Pipeline events for tests, built from {@code key=value} pairs named as the webhook fields are
 * ({@code repo}, {@code workflow_path}, {@code dag_id}, {@code tags} comma-separated, ...).
 */
final class Events {
  private Events() {}

  static RunEvent github(String... pairs) {
    return event(AlertSource.GITHUB_ACTIONS, pairs);
  }

  static RunEvent airflow(String... pairs) {
    return event(AlertSource.AIRFLOW, pairs);
  }

  static RunEvent event(AlertSource source, String... pairs) {
    return new RunEvent(
        "test:1", Outcome.FAILED, Instant.parse("2026-11-20T03:00:00Z"), origin(source, pairs));
  }

  static AlertOrigin origin(AlertSource source, String... pairs) {
    Map<String, String> f = new HashMap<>();
    for (String pair : pairs) {
      int eq = pair.indexOf('=');
      f.put(pair.substring(0, eq), pair.substring(eq + 1));
    }
    return origin(source, f);
  }

  static AlertOrigin origin(AlertSource source, Map<String, String> fields) {
    Map<String, String> f = new HashMap<>(fields);
    return source == AlertSource.GITHUB_ACTIONS ? github(f) : airflow(f);
  }

  private static GitHubRun github(Map<String, String> f) {
    GitHubRun.Builder b = GitHubRun.builder(take(f, "repo"));
    b.branch(f.remove("branch"))
        .event(f.remove("event"))
        .job(f.remove("job_name"))
        .workflowName(f.remove("workflow_name"))
        .workflowPath(f.remove("workflow_path"))
        .runUrl(f.remove("run_url"))
        .headSha(f.remove("head_sha"))
        .actor(f.remove("actor"))
        .commitAuthor(f.remove("commit_author"))
        .commitMessage(f.remove("commit_message"))
        .conclusion(f.remove("conclusion"))
        .testType(f.remove("test_type"));
    String id = f.remove("run_id");
    String number = f.remove("run_number");
    String attempt = f.remove("run_attempt");
    b.runId(id == null ? null : Long.valueOf(id))
        .runNumber(number == null ? null : Integer.valueOf(number))
        .runAttempt(attempt == null ? null : Integer.valueOf(attempt));
    return done(f, b.build());
  }

  private static AirflowTask airflow(Map<String, String> f) {
    AirflowTask.Builder b = AirflowTask.builder(take(f, "dag_id"));
    b.dagRunId(f.remove("dag_run_id"))
        .taskId(f.remove("task_id"))
        .logicalDate(f.remove("logical_date"))
        .startDate(f.remove("start_date"))
        .dagRunStartDate(f.remove("dag_run_start_date"))
        .logUrl(f.remove("log_url"))
        .exception(f.remove("exception"))
        .region(f.remove("region"))
        .airflowUrl(f.remove("airflow_url"))
        .airflowVersion(f.remove("airflow_version"))
        .notebookUrl(f.remove("notebook_url"));
    String tryNumber = f.remove("try_number");
    b.tryNumber(tryNumber == null ? null : Integer.valueOf(tryNumber));
    String tags = f.remove("tags");
    if (tags != null) {
      b.tags(Arrays.stream(tags.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList());
    }
    return done(f, b.build());
  }

  private static String take(Map<String, String> f, String key) {
    String value = f.remove(key);
    if (value == null) {
      throw new IllegalArgumentException("a test event needs " + key);
    }
    return value;
  }

  private static <T> T done(Map<String, String> rest, T origin) {
    if (!rest.isEmpty()) {
      throw new IllegalArgumentException("unknown test event fields " + rest.keySet());
    }
    return origin;
  }
}
