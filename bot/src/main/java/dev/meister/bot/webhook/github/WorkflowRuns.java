package dev.meister.bot.webhook.github;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meister.bot.webhook.Verdict;

/** Translates a {@code workflow_run} payload. */
final class WorkflowRuns {
  private static final String WHAT = "workflow_run";

  private WorkflowRuns() {}

  static Verdict verdict(String deliveryKey, ObjectNode root) {
    return CompletedEvents.translate(
        deliveryKey,
        root,
        WHAT,
        true,
        "updated_at",
        (payload, run) ->
            run.runId(payload.requiredNumber(WHAT, "id"))
                .branch(payload.text(WHAT, "head_branch").orElse(null))
                .event(payload.text(WHAT, "event").orElse(null))
                // Runs of some triggers carry an empty name; the workflow object always has one.
                .workflowName(
                    payload
                        .text(WHAT, "name")
                        .or(() -> payload.text("workflow", "name"))
                        .orElse(null))
                .workflowPath(payload.text(WHAT, "path").orElse(null))
                .runNumber(payload.integer(WHAT, "run_number"))
                .runAttempt(payload.integer(WHAT, "run_attempt"))
                .runUrl(payload.text(WHAT, "html_url").orElse(null))
                .headSha(payload.text(WHAT, "head_sha").orElse(null))
                .actor(
                    payload
                        .text(WHAT, "actor", "login")
                        .or(() -> payload.text(WHAT, "triggering_actor", "login"))
                        .orElse(null))
                .commitAuthor(payload.text(WHAT, "head_commit", "author", "name").orElse(null))
                .commitMessage(
                    GitHubPayload.firstLine(payload.text(WHAT, "head_commit", "message"))
                        .orElse(null)));
  }
}
