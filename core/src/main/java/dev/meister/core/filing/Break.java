package dev.meister.core.filing;

import dev.meister.core.alert.Alert;
import dev.meister.core.alert.GitHubRun;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One row of the post-mortem log: an alert with its issue and resolution, if it has them, and the
 * runbook actions done on its run.
 *
 * @param actions one line per action done, oldest first, e.g. "Cleared 4 task instances of run …
 *     (Bob Stone, approved by Alice Doe)"
 */
public record Break(
    Alert alert, @Nullable IssueLink issue, @Nullable Resolution resolution, List<String> actions) {
  /** The column names of {@link #row()}. */
  public static final List<String> COLUMNS =
      List.of(
          "date",
          "source",
          "repo_or_dag",
          "test_type",
          "title",
          "link",
          "reason",
          "issue",
          "solution",
          "alert",
          "actions");

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  public Break {
    actions = List.copyOf(actions);
  }

  /**
   * The post-mortem log as RFC 4180 CSV, a header row first: {@code meister postmortem --csv} and
   * the web page's download write this same file.
   */
  public static String csv(List<Break> breaks) {
    List<List<String>> rows = new java.util.ArrayList<>();
    rows.add(COLUMNS);
    for (Break b : breaks) {
      rows.add(b.row());
    }
    return Csv.write(rows);
  }

  /** A break on whose run no runbook action was done. */
  public Break(Alert alert, @Nullable IssueLink issue, @Nullable Resolution resolution) {
    this(alert, issue, resolution, List.of());
  }

  public Optional<IssueLink> issueLink() {
    return Optional.ofNullable(issue);
  }

  public Optional<Resolution> resolved() {
    return Optional.ofNullable(resolution);
  }

  /** The repo ({@code owner/name}) of a build, or {@code dag.task} of a DAG task. */
  public String where() {
    return alert
        .origin()
        .match(GitHubRun::repo, task -> task.dagId() + task.taskId().map(t -> "." + t).orElse(""));
  }

  /** The build's test type, or {@code dag} for a DAG task. */
  public String testType() {
    return alert.origin().match(run -> run.testType().orElse(""), task -> "dag");
  }

  public String link() {
    return alert.origin().pageUrl().orElse("");
  }

  /** When it broke, in UTC, to the minute. */
  public String date() {
    return alert.receivedAt().atZone(ZoneOffset.UTC).format(DATE);
  }

  /** The values for {@link #COLUMNS}, empty strings for what is not known yet. */
  public List<String> row() {
    return List.of(
        date(),
        alert.source() == dev.meister.core.alert.AlertSource.AIRFLOW ? "airflow" : "github",
        where(),
        testType(),
        alert.title(),
        link(),
        resolution == null ? "" : resolution.reason(),
        issue == null ? "" : issue.issue().url(),
        resolution == null ? "" : resolution.solution(),
        alert.storedId().toString(),
        String.join("; ", actions));
  }
}
