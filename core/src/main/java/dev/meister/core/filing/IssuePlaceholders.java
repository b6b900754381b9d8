package dev.meister.core.filing;

import dev.meister.core.alert.Alert;
import dev.meister.core.alert.AlertAttributes;
import dev.meister.core.alert.AlertFactory;
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
  public static final Set<String> KNOWN = Set.of("repo", "repo_full", "test_type", "run_number",
      "run_id", "workflow", "branch", "event", "commit", "author", "job", "dag_id", "task_id",
      "logical_date", "alert_id", "title");
  /** The default title of a build failure's issue. */
  public static final String GITHUB_TITLE = "Build fail - {repo} {test_type} ({run_number})";
  /** The default title of a DAG task failure's issue. */
  public static final String AIRFLOW_TITLE = "DAG fail - {dag_id}.{task_id} ({logical_date})";

  private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private IssuePlaceholders() {}

  /** Placeholder values for {@code alert}; absent facts are left out. */
  public static Map<String, String> of(Alert alert) {
    Map<String, String> v = new HashMap<>();
    alert.attribute(AlertAttributes.REPO).ifPresent(r -> {
      v.put("repo_full", r);
      v.put("repo", r.substring(r.lastIndexOf('/') + 1));
    });
    alert.attribute(AlertFactory.TEST_TYPE).ifPresent(t -> v.put("test_type", t));
    alert.attribute(AlertAttributes.RUN_NUMBER).ifPresent(t -> v.put("run_number", t));
    alert.attribute(AlertAttributes.RUN_ID).ifPresent(t -> v.put("run_id", t));
    alert.attribute(AlertAttributes.WORKFLOW_NAME)
        .or(() -> alert.attribute(AlertAttributes.WORKFLOW_PATH).map(WorkflowFiles::fileName))
        .ifPresent(t -> v.put("workflow", t));
    alert.attribute(AlertAttributes.BRANCH).ifPresent(t -> v.put("branch", t));
    alert.attribute(AlertAttributes.EVENT).ifPresent(t -> v.put("event", t));
    alert.attribute(AlertAttributes.HEAD_SHA)
        .ifPresent(t -> v.put("commit", t.substring(0, Math.min(7, t.length()))));
    alert.attribute(AlertAttributes.COMMIT_AUTHOR)
        .or(() -> alert.attribute(AlertAttributes.ACTOR)).ifPresent(t -> v.put("author", t));
    alert.attribute(AlertAttributes.JOB_NAME).ifPresent(t -> v.put("job", t));
    alert.attribute(AlertAttributes.DAG_ID).ifPresent(t -> v.put("dag_id", t));
    alert.attribute(AlertAttributes.TASK_ID).ifPresent(t -> v.put("task_id", t));
    alert.attribute(AlertAttributes.LOGICAL_DATE)
        .ifPresent(t -> v.put("logical_date", utcMinutes(t)));
    if (alert.id() != null) {
      v.put("alert_id", alert.id().toString());
    }
    v.put("title", alert.title());
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
