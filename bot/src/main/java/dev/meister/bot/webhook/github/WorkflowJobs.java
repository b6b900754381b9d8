package dev.meister.bot.webhook.github;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meister.bot.webhook.Verdict;

/**
 * Translates a {@code workflow_job} payload. Only failures count: a job's success says nothing
 * about its run, whose own {@code workflow_run} records it.
 */
final class WorkflowJobs {
  private static final String WHAT = "workflow_job";

  private WorkflowJobs() {}

  static Verdict verdict(String deliveryKey, ObjectNode root) {
    return CompletedEvents.translate(
        deliveryKey,
        root,
        WHAT,
        false,
        "completed_at",
        (payload, run) ->
            run.runId(payload.requiredNumber(WHAT, "run_id"))
                .job(payload.required(WHAT, "name"))
                .branch(payload.text(WHAT, "head_branch").orElse(null))
                .workflowName(payload.text(WHAT, "workflow_name").orElse(null))
                .runAttempt(payload.integer(WHAT, "run_attempt"))
                // The job's page; it links to its run.
                .runUrl(payload.text(WHAT, "html_url").orElse(null))
                .headSha(payload.text(WHAT, "head_sha").orElse(null))
                .actor(payload.text("sender", "login").orElse(null)));
  }
}
