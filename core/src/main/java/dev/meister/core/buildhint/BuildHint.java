package dev.meister.core.buildhint;

import dev.meister.core.alert.GitHubRun;
import dev.meister.core.alert.Glob;
import dev.meister.core.alert.WorkflowFiles;
import dev.meister.core.validation.Checks;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A runbook hint for a red build: shown when the build's repository, workflow, failed job and
 * failed step match their globs (an absent one matches anything) and, if a {@code pattern} is
 * given, the failed job's log contains it (a case-insensitive regular expression).
 */
public record BuildHint(
    Optional<Glob> repo,
    Optional<Glob> workflow,
    Optional<Glob> job,
    Optional<Glob> step,
    Optional<Pattern> pattern,
    String advice,
    Optional<String> runbook) {

  public BuildHint {
    Checks.notBlank(advice, "hint");
    Checks.check(
        repo.isPresent()
            || workflow.isPresent()
            || job.isPresent()
            || step.isPresent()
            || pattern.isPresent(),
        "a build hint needs a match (repo, workflow, job or step) or a pattern");
  }

  /**
   * Compiles {@code pattern} as a case-insensitive regular expression.
   *
   * @throws IllegalArgumentException when it is not a valid one
   */
  public static Pattern pattern(String pattern) {
    try {
      return Pattern.compile(pattern, Pattern.CASE_INSENSITIVE);
    } catch (java.util.regex.PatternSyntaxException e) {
      throw new IllegalArgumentException(
          "pattern '" + pattern + "' is not a valid regular expression: " + e.getDescription(), e);
    }
  }

  /**
   * Whether the alert alone shows this hint applies: it needs no failed step nor log, and a job it
   * names is the job the alert reports ({@code workflow_job} alerts name one).
   */
  public boolean matchesAlert(GitHubRun run) {
    return step.isEmpty()
        && pattern.isEmpty()
        && matchesRun(run)
        && (job.isEmpty() || run.job().map(j -> job.get().matches(j)).orElse(false));
  }

  /** Whether one of the run's failed {@code jobs} matches, once their steps and logs are read. */
  public boolean matchesJobs(GitHubRun run, List<FailedJob> jobs) {
    return matchesRun(run) && jobs.stream().anyMatch(this::matchesJob);
  }

  private boolean matchesJob(FailedJob failed) {
    return job.map(g -> g.matches(failed.name())).orElse(true)
        && step.map(g -> failed.step().map(g::matches).orElse(false)).orElse(true)
        && pattern.map(p -> failed.log().map(l -> p.matcher(l).find()).orElse(false)).orElse(true);
  }

  private boolean matchesRun(GitHubRun run) {
    return repo.map(g -> g.matches(run.repo())).orElse(true)
        && workflow.map(g -> matchesWorkflow(g, run)).orElse(true);
  }

  /** As routes match: the workflow's name, its file name or its path. */
  private static boolean matchesWorkflow(Glob glob, GitHubRun run) {
    return run.workflowName().map(glob::matches).orElse(false)
        || run.workflowPath()
            .map(p -> glob.matches(WorkflowFiles.fileName(p)) || glob.matches(p))
            .orElse(false);
  }
}
