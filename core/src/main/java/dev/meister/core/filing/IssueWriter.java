package dev.meister.core.filing;

import dev.meister.core.alert.AirflowTask;
import dev.meister.core.alert.Alert;
import dev.meister.core.alert.AlertSource;
import dev.meister.core.alert.GitHubRun;
import dev.meister.core.team.Member;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes the issue for an alert: title from the configured template, and a body with everything the
 * person fixing it needs, so nobody copies a run URL or stack trace by hand.
 */
public final class IssueWriter {
  private final IssueTemplate githubTitle;
  private final IssueTemplate airflowTitle;

  public IssueWriter(IssueTemplate githubTitle, IssueTemplate airflowTitle) {
    this.githubTitle = githubTitle;
    this.airflowTitle = airflowTitle;
  }

  /**
   * The new issue for {@code alert}: title, body, labels and assignees.
   *
   * @param fingerprint the root cause, noted in the body
   * @param repo where the issue goes
   * @param onCall who is assigned, if they have a GitHub login
   * @param leads mentioned when the rule asks for the priority to be confirmed
   */
  public IssueDraft draft(
      Alert alert,
      Failures failures,
      String fingerprint,
      String repo,
      FilingRule rule,
      Optional<Member> onCall,
      List<Member> leads) {
    IssueTemplate template =
        alert.source() == AlertSource.GITHUB_ACTIONS ? githubTitle : airflowTitle;
    String title = template.render(IssuePlaceholders.of(alert));
    List<String> assignees = new ArrayList<>();
    onCall.map(Member::githubLogin).ifPresent(assignees::add);
    return new IssueDraft(
        repo,
        title,
        body(alert, failures, fingerprint, rule, onCall, leads),
        rule.allLabels(),
        assignees);
  }

  private static String body(
      Alert alert,
      Failures failures,
      String fingerprint,
      FilingRule rule,
      Optional<Member> onCall,
      List<Member> leads) {
    StringBuilder b = new StringBuilder();
    alert.origin().match(run -> github(b, run), task -> airflow(b, task));
    onCall.ifPresent(m -> b.append("**On call:** ").append(who(m)).append('\n'));
    if (rule.confirmPriority() && !leads.isEmpty()) {
      b.append('\n');
      for (Member lead : leads) {
        b.append(who(lead)).append(' ');
      }
      b.append("please confirm the priority")
          .append(rule.priority() == null ? "" : " (" + rule.priority() + ")")
          .append(".\n");
    }
    if (!failures.tests().isEmpty()) {
      b.append("\n### Failing tests\n\n");
      for (String t : failures.tests()) {
        b.append("- `").append(t).append("`\n");
      }
    }
    List<String> trace = failures.trace();
    if (trace.isEmpty()) {
      trace =
          alert
              .airflowTask()
              .flatMap(AirflowTask::exception)
              .map(e -> e.lines().toList())
              .orElse(List.of());
    }
    if (!trace.isEmpty()) {
      b.append("\n### Stack trace\n\n```\n");
      for (String line : trace) {
        // A line of backticks would end the block early.
        b.append(line.replace("```", "` ` `")).append('\n');
      }
      b.append("```\n");
    }
    b.append("\n_Filed by Meister from alert #")
        .append(alert.storedId())
        .append(" (fingerprint `")
        .append(fingerprint)
        .append("`)._\n");
    return b.toString();
  }

  private static StringBuilder github(StringBuilder b, GitHubRun run) {
    link(b, "Failing run", run.runUrl());
    fact(b, "Repo", Optional.of(run.repo()));
    fact(b, "Workflow", run.workflowName());
    fact(b, "Branch", run.branch().map(s -> "`" + s + "`"));
    fact(b, "Event", run.event());
    commit(run).ifPresent(c -> b.append("**Commit:** ").append(c).append('\n'));
    return b;
  }

  private static StringBuilder airflow(StringBuilder b, AirflowTask task) {
    // Seed 000: "Paste the URL of the failing run".
    link(b, "Failing DAG run", task.dagRunUrl());
    link(b, "Airflow log", task.logUrl());
    link(b, "QA notebook", task.notebookUrl());
    fact(b, "DAG", Optional.of("`" + task.dagId() + "`"));
    fact(b, "Task", task.taskId().map(s -> "`" + s + "`"));
    fact(b, "Logical date", task.logicalDate());
    fact(b, "DAG started", task.dagRunStartDate());
    fact(b, "Try", task.tryNumber().map(String::valueOf));
    return b;
  }

  private static Optional<String> commit(GitHubRun run) {
    Optional<String> sha = run.headSha().map(s -> s.substring(0, Math.min(7, s.length())));
    if (sha.isEmpty()) {
      return Optional.empty();
    }
    StringBuilder c = new StringBuilder(sha.get());
    run.commitMessage()
        .filter(m -> !m.isBlank())
        .ifPresent(
            m -> c.append(" \"").append(m.lines().findFirst().orElse("").strip()).append('"'));
    run.commitAuthor().ifPresent(a -> c.append(" by ").append(a));
    run.actor().ifPresent(a -> c.append(" (pushed by @").append(a).append(')'));
    return Optional.of(c.toString());
  }

  private static String who(Member m) {
    return m.githubLogin() != null ? "@" + m.githubLogin() : m.displayName();
  }

  private static void link(StringBuilder b, String label, Optional<String> url) {
    url.filter(u -> !u.isBlank())
        .ifPresent(u -> b.append("**").append(label).append(":** ").append(u).append('\n'));
  }

  private static void fact(StringBuilder b, String label, Optional<String> value) {
    value
        .filter(v -> !v.isBlank())
        .ifPresent(v -> b.append("**").append(label).append(":** ").append(v).append('\n'));
  }
}
