package dev.meister.core.filing;

import dev.meister.core.alert.AirflowTask;
import dev.meister.core.alert.Alert;
import dev.meister.core.alert.GitHubRun;
import dev.meister.core.alert.WorkflowFiles;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** The values an issue title template may use, taken from an alert. */
public final class IssuePlaceholders {
  /** Every placeholder a template may name. */
  public static final Set<String> KNOWN =
      Set.of(
          "repo",
          "repo_full",
          "test_type",
          "run_number",
          "run_id",
          "workflow",
          "branch",
          "event",
          "commit",
          "author",
          "job",
          "dag_id",
          "task_id",
          "logical_date",
          "alert_id",
          "title");

  /** The default title of a build failure's issue. */
  public static final String GITHUB_TITLE = "Build fail - {repo} {test_type} ({run_number})";

  /** The default title of a DAG task failure's issue. */
  public static final String AIRFLOW_TITLE = "DAG fail - {dag_id}.{task_id} ({logical_date})";

  private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private IssuePlaceholders() {}

  /** Placeholder values for {@code alert}; absent facts are left out. */
  public static Map<String, String> of(Alert alert) {
    Map<String, String> v = new HashMap<>();
    alert.origin().match(run -> github(v, run), task -> airflow(v, task));
    if (alert.id() != null) {
      v.put("alert_id", alert.id().toString());
    }
    v.put("title", alert.title());
    return v;
  }

  private static Map<String, String> github(Map<String, String> v, GitHubRun run) {
    v.put("repo_full", run.repo());
    v.put("repo", run.repoName());
    run.testType().ifPresent(t -> v.put("test_type", t));
    run.runNumber().ifPresent(t -> v.put("run_number", t.toString()));
    run.runId().ifPresent(t -> v.put("run_id", t.toString()));
    run.workflowName()
        .or(() -> run.workflowPath().map(WorkflowFiles::fileName))
        .ifPresent(t -> v.put("workflow", t));
    run.branch().ifPresent(t -> v.put("branch", t));
    run.event().ifPresent(t -> v.put("event", t));
    run.headSha().ifPresent(t -> v.put("commit", t.substring(0, Math.min(7, t.length()))));
    run.commitAuthor().or(run::actor).ifPresent(t -> v.put("author", t));
    run.job().ifPresent(t -> v.put("job", t));
    return v;
  }

  private static Map<String, String> airflow(Map<String, String> v, AirflowTask task) {
    v.put("dag_id", task.dagId());
    task.taskId().ifPresent(t -> v.put("task_id", t));
    task.logicalDate().ifPresent(t -> v.put("logical_date", utcMinutes(t)));
    return v;
  }

  private static String utcMinutes(String iso) {
    try {
      OffsetDateTime t = OffsetDateTime.parse(iso.strip().replace(' ', 'T'));
      return t.withOffsetSameInstant(ZoneOffset.UTC).format(MINUTES) + " UTC";
    } catch (DateTimeParseException e) {
      return iso;
    }
  }
}
