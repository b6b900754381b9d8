package dev.meister.bot.github;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meister.core.action.ActionKind;
import dev.meister.core.action.ActionPreview;
import dev.meister.core.action.ActionRefusedException;
import dev.meister.core.action.ActionResult;
import dev.meister.core.action.ActionTarget.WorkflowRun;
import dev.meister.core.action.ActionUnavailableException;
import dev.meister.core.filing.GitHubRefusedException;
import dev.meister.core.filing.GitHubUnavailableException;
import dev.meister.core.filing.WorkflowJob;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Re-runs and cancels GitHub Actions workflow runs through the {@link GitHubClient}'s connection,
 * token and error mapping (https://docs.github.com/en/rest/actions/workflow-runs): {@code POST
 * .../rerun-failed-jobs} and {@code .../rerun} (201), {@code .../cancel} (202; 409 once the run is
 * completed). A preview reads the run's jobs ({@code GET .../jobs}, the latest attempt) or, for a
 * cancel, the run itself. The POSTs are tried once: the caller retries an outage.
 */
public final class GitHubRunActions {
  /** What GitHub's "re-run failed jobs" picks up: every job that did not end well. */
  private static final Set<String> FAILED =
      Set.of("failure", "timed_out", "cancelled", "startup_failure");

  private final GitHubClient github;

  public GitHubRunActions(GitHubClient github) {
    this.github = github;
  }

  /** What {@code kind} would re-run or stop, changing nothing. */
  public ActionPreview preview(WorkflowRun run, ActionKind kind) {
    return switch (kind) {
      case RERUN_FAILED -> {
        List<WorkflowJob> failed = failedJobs(run, "re-run the failed jobs of");
        yield new ActionPreview(
            lines(failed),
            failed.isEmpty()
                ? "Run " + run.runId() + " has no failed jobs to re-run"
                : "Would re-run "
                    + jobs(failed.size(), "failed ")
                    + " of run "
                    + run.runId()
                    + " ("
                    + names(failed)
                    + ")");
      }
      case RERUN -> {
        List<WorkflowJob> all = allJobs(run, "re-run");
        yield new ActionPreview(
            lines(all),
            all.isEmpty()
                ? "Would re-run run " + run.runId()
                : "Would re-run all "
                    + jobs(all.size(), "")
                    + " of run "
                    + run.runId()
                    + " ("
                    + names(all)
                    + ")");
      }
      case CANCEL -> previewCancel(run);
      default -> throw new IllegalArgumentException(kind.command() + " is not a GitHub action");
    };
  }

  /** Performs {@code kind}; re-runs read the jobs first to name them in the result. */
  public ActionResult execute(WorkflowRun run, ActionKind kind) {
    return switch (kind) {
      case RERUN_FAILED -> {
        List<WorkflowJob> failed = failedJobs(run, "re-run the failed jobs of");
        post(run, "/rerun-failed-jobs", "re-run the failed jobs of");
        yield new ActionResult(
            failed.stream().map(WorkflowJob::name).toList(),
            failed.isEmpty()
                ? "Re-ran the failed jobs of run " + run.runId()
                : "Re-ran "
                    + jobs(failed.size(), "failed ")
                    + " of run "
                    + run.runId()
                    + " ("
                    + names(failed)
                    + ")");
      }
      case RERUN -> {
        List<WorkflowJob> all = allJobs(run, "re-run");
        post(run, "/rerun", "re-run");
        yield new ActionResult(
            all.stream().map(WorkflowJob::name).toList(),
            all.isEmpty()
                ? "Re-ran run " + run.runId()
                : "Re-ran all "
                    + jobs(all.size(), "")
                    + " of run "
                    + run.runId()
                    + " ("
                    + names(all)
                    + ")");
      }
      case CANCEL -> {
        post(run, "/cancel", "cancel");
        yield new ActionResult(List.of("run " + run.runId()), "Cancelled run " + run.runId());
      }
      default -> throw new IllegalArgumentException(kind.command() + " is not a GitHub action");
    };
  }

  private ActionPreview previewCancel(WorkflowRun run) {
    JsonNode json =
        call("cancel", run, () -> github.repoGet(run.repo(), "/actions/runs/" + run.runId()));
    String name = json.path("name").asText("run " + run.runId());
    String status = json.path("status").asText("unknown");
    List<String> items = List.of(name + ": " + status);
    if (status.equals("completed")) {
      return new ActionPreview(
          items,
          "Run "
              + run.runId()
              + " is already completed ("
              + json.path("conclusion").asText("no conclusion")
              + "); there is nothing to cancel");
    }
    return new ActionPreview(
        items, "Would cancel run " + run.runId() + " (" + name + "), which is " + status);
  }

  private List<WorkflowJob> allJobs(WorkflowRun run, String doing) {
    return call(doing, run, () -> github.runJobs(run.repo(), run.runId()));
  }

  private List<WorkflowJob> failedJobs(WorkflowRun run, String doing) {
    return allJobs(run, doing).stream()
        .filter(j -> j.conclusion() != null && FAILED.contains(j.conclusion()))
        .toList();
  }

  private void post(WorkflowRun run, String action, String doing) {
    call(
        doing,
        run,
        () -> {
          github.repoPostOnce(run.repo(), "/actions/runs/" + run.runId() + action);
          return Boolean.TRUE;
        });
  }

  /** Runs one call, turning GitHub's answer into a refusal or an outage. */
  private static <T> T call(String doing, WorkflowRun run, Supplier<T> call) {
    String what = doing + " run " + run.runId() + " of " + run.repo();
    try {
      return call.get();
    } catch (GitHubRefusedException e) {
      throw new ActionRefusedException(
          e.status(),
          "GitHub refused to " + what + " (HTTP " + e.status() + "): " + e.getMessage());
    } catch (GitHubUnavailableException e) {
      Duration wait = e.retryAfter();
      String message = "GitHub could not " + what + ": " + e.getMessage();
      throw wait == null
          ? new ActionUnavailableException(message, e)
          : new ActionUnavailableException(message, wait);
    } catch (IllegalArgumentException e) {
      // A repository name that is not owner/name: nothing GitHub could ever accept.
      throw new ActionRefusedException(422, "Cannot " + what + ": " + e.getMessage());
    }
  }

  /** "build (failure)". */
  private static List<String> lines(List<WorkflowJob> jobs) {
    return jobs.stream()
        .map(j -> j.name() + " (" + (j.conclusion() == null ? "running" : j.conclusion()) + ")")
        .toList();
  }

  private static String names(List<WorkflowJob> jobs) {
    return String.join(", ", jobs.stream().map(WorkflowJob::name).toList());
  }

  /** "1 job", "2 failed jobs". */
  private static String jobs(int n, String adjective) {
    return n + " " + adjective + (n == 1 ? "job" : "jobs");
  }
}
