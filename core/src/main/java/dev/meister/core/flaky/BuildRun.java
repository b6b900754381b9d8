package dev.meister.core.flaky;

import dev.meister.core.alert.GitHubRun;
import dev.meister.core.alert.Outcome;
import dev.meister.core.alert.RunEvent;
import dev.meister.core.chat.AlertId;
import dev.meister.core.validation.Checks;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One attempt of a GitHub workflow run, as its {@code workflow_run} webhook reported it: the facts
 * flaky tests are told apart by.
 *
 * @param dedupKey the delivery key, so a repeated delivery is recorded once
 * @param workflow the workflow's path, e.g. {@code .github/workflows/fast_tests.yml}
 * @param attempt GitHub's {@code run_attempt}: 1 for the first run of a commit, 2 for its re-run
 * @param alert the alert made of a failed attempt
 * @param failedTests the failing tests its logs named, once they were read; empty before and for a
 *     passed attempt
 */
public record BuildRun(
    String dedupKey,
    String repo,
    String workflow,
    String branch,
    String headSha,
    long runId,
    int attempt,
    boolean passed,
    Instant at,
    Optional<AlertId> alert,
    List<String> failedTests) {
  public BuildRun {
    Checks.notBlank(dedupKey, "dedupKey");
    Checks.notBlank(repo, "repo");
    Checks.notBlank(workflow, "workflow");
    Checks.notBlank(headSha, "headSha");
    Checks.check(attempt >= 1, "attempt must be at least 1");
    failedTests = List.copyOf(failedTests);
  }

  /**
   * The attempt a webhook event reports, when it is one: a whole workflow run (not one of its jobs)
   * with its run id, commit and workflow. An event without {@code run_attempt} counts as the first.
   */
  public static Optional<BuildRun> of(RunEvent event, Optional<AlertId> alert) {
    Optional<GitHubRun> github = event.origin().match(Optional::of, task -> Optional.empty());
    if (github.isEmpty()
        || github.get().job().isPresent()
        || github.get().runId().isEmpty()
        || github.get().headSha().isEmpty()) {
      return Optional.empty();
    }
    GitHubRun run = github.get();
    Optional<String> workflow = run.workflowPath().or(run::workflowName);
    if (workflow.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new BuildRun(
            event.deliveryKey(),
            run.repo(),
            workflow.get(),
            run.branch().orElse(""),
            run.headSha().get(),
            run.runId().get(),
            Math.max(1, run.runAttempt().orElse(1)),
            event.outcome() == Outcome.SUCCEEDED,
            event.occurredAt(),
            alert,
            List.of()));
  }

  public BuildRun withFailedTests(List<String> tests) {
    return new BuildRun(
        dedupKey, repo, workflow, branch, headSha, runId, attempt, passed, at, alert, tests);
  }
}
