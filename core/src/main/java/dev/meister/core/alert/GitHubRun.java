package dev.meister.core.alert;

import dev.meister.core.validation.Checks;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A GitHub Actions workflow run, or one job of it, as its {@code workflow_run} or {@code
 * workflow_job} webhook reported it.
 *
 * @param repo {@code owner/name}
 * @param job the job's name when a job's failure was reported, not its run's
 * @param event the triggering event: push, pull_request, schedule, workflow_dispatch, ...
 * @param workflowPath e.g. {@code .github/workflows/fast_tests.yml}
 * @param runUrl the run's page; a job's page for a job, which links to its run
 * @param actor login of the person whose action started the run
 * @param commitAuthor name of the head commit's author, the likely person to ask
 * @param commitMessage the first line of the head commit's message
 * @param conclusion failure, timed_out, startup_failure, success, ...
 * @param testType the test type the configuration gives the workflow, e.g. {@code fast}; set when
 *     the alert is made, not by the webhook
 */
public record GitHubRun(
    String repo,
    Optional<Long> runId,
    Optional<String> job,
    Optional<String> branch,
    Optional<String> event,
    Optional<String> workflowName,
    Optional<String> workflowPath,
    Optional<Integer> runNumber,
    Optional<Integer> runAttempt,
    Optional<String> runUrl,
    Optional<String> headSha,
    Optional<String> actor,
    Optional<String> commitAuthor,
    Optional<String> commitMessage,
    Optional<String> conclusion,
    Optional<String> testType)
    implements AlertOrigin {

  public GitHubRun {
    Checks.notBlank(repo, "repo");
  }

  public static Builder builder(String repo) {
    return new Builder(repo);
  }

  @Override
  public <T> T match(Function<GitHubRun, T> github, Function<AirflowTask, T> airflow) {
    return github.apply(this);
  }

  @Override
  public Optional<String> pageUrl() {
    return runUrl;
  }

  @Override
  public AlertSource source() {
    return AlertSource.GITHUB_ACTIONS;
  }

  /** The repository's name without its owner, e.g. {@code widgets}. */
  public String repoName() {
    return repo.substring(repo.lastIndexOf('/') + 1);
  }

  /** The workflow's file name, or its name when the path is unknown. */
  public Optional<String> workflowFile() {
    return workflowPath.map(WorkflowFiles::fileName).or(() -> workflowName);
  }

  public GitHubRun withTestType(String type) {
    return toBuilder().testType(type).build();
  }

  public Builder toBuilder() {
    return new Builder(repo)
        .runId(runId.orElse(null))
        .job(job.orElse(null))
        .branch(branch.orElse(null))
        .event(event.orElse(null))
        .workflowName(workflowName.orElse(null))
        .workflowPath(workflowPath.orElse(null))
        .runNumber(runNumber.orElse(null))
        .runAttempt(runAttempt.orElse(null))
        .runUrl(runUrl.orElse(null))
        .headSha(headSha.orElse(null))
        .actor(actor.orElse(null))
        .commitAuthor(commitAuthor.orElse(null))
        .commitMessage(commitMessage.orElse(null))
        .conclusion(conclusion.orElse(null))
        .testType(testType.orElse(null));
  }

  /** Builds a run field by field; a blank text counts as absent, as a webhook's would. */
  public static final class Builder {
    private final String repo;
    private @Nullable Long runId;
    private @Nullable String job;
    private @Nullable String branch;
    private @Nullable String event;
    private @Nullable String workflowName;
    private @Nullable String workflowPath;
    private @Nullable Integer runNumber;
    private @Nullable Integer runAttempt;
    private @Nullable String runUrl;
    private @Nullable String headSha;
    private @Nullable String actor;
    private @Nullable String commitAuthor;
    private @Nullable String commitMessage;
    private @Nullable String conclusion;
    private @Nullable String testType;

    private Builder(String repo) {
      this.repo = repo;
    }

    public Builder runId(@Nullable Long value) {
      runId = value;
      return this;
    }

    public Builder job(@Nullable String value) {
      job = value;
      return this;
    }

    public Builder branch(@Nullable String value) {
      branch = value;
      return this;
    }

    public Builder event(@Nullable String value) {
      event = value;
      return this;
    }

    public Builder workflowName(@Nullable String value) {
      workflowName = value;
      return this;
    }

    public Builder workflowPath(@Nullable String value) {
      workflowPath = value;
      return this;
    }

    public Builder runNumber(@Nullable Integer value) {
      runNumber = value;
      return this;
    }

    public Builder runAttempt(@Nullable Integer value) {
      runAttempt = value;
      return this;
    }

    public Builder runUrl(@Nullable String value) {
      runUrl = value;
      return this;
    }

    public Builder headSha(@Nullable String value) {
      headSha = value;
      return this;
    }

    public Builder actor(@Nullable String value) {
      actor = value;
      return this;
    }

    public Builder commitAuthor(@Nullable String value) {
      commitAuthor = value;
      return this;
    }

    public Builder commitMessage(@Nullable String value) {
      commitMessage = value;
      return this;
    }

    public Builder conclusion(@Nullable String value) {
      conclusion = value;
      return this;
    }

    public Builder testType(@Nullable String value) {
      testType = value;
      return this;
    }

    public GitHubRun build() {
      return new GitHubRun(
          repo,
          Optional.ofNullable(runId),
          Texts.present(job),
          Texts.present(branch),
          Texts.present(event),
          Texts.present(workflowName),
          Texts.present(workflowPath),
          Optional.ofNullable(runNumber),
          Optional.ofNullable(runAttempt),
          Texts.present(runUrl),
          Texts.present(headSha),
          Texts.present(actor),
          Texts.present(commitAuthor),
          Texts.present(commitMessage),
          Texts.present(conclusion),
          Texts.present(testType));
    }
  }
}
