package dev.meister.bot.webhook.github;

import static dev.meister.core.alert.AlertAttributes.ACTOR;
import static dev.meister.core.alert.AlertAttributes.BRANCH;
import static dev.meister.core.alert.AlertAttributes.HEAD_SHA;
import static dev.meister.core.alert.AlertAttributes.JOB_NAME;
import static dev.meister.core.alert.AlertAttributes.RUN_ATTEMPT;
import static dev.meister.core.alert.AlertAttributes.RUN_ID;
import static dev.meister.core.alert.AlertAttributes.RUN_URL;
import static dev.meister.core.alert.AlertAttributes.WORKFLOW_NAME;

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
    return CompletedEvents.translate(deliveryKey, root, WHAT, false, "completed_at", payload ->
        payload
            .put(RUN_ID, payload.required(WHAT, "run_id"))
            .put(JOB_NAME, payload.required(WHAT, "name"))
            .put(BRANCH, payload.text(WHAT, "head_branch"))
            .put(WORKFLOW_NAME, payload.text(WHAT, "workflow_name"))
            .put(RUN_ATTEMPT, payload.text(WHAT, "run_attempt"))
            // The job's page; it links to its run.
            .put(RUN_URL, payload.text(WHAT, "html_url"))
            .put(HEAD_SHA, payload.text(WHAT, "head_sha"))
            .put(ACTOR, payload.text("sender", "login")));
  }
}
