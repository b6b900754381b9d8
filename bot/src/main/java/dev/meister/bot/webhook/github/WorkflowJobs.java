package dev.meister.bot.webhook.github;

import static dev.meister.core.alert.AlertAttributes.ACTOR;
import static dev.meister.core.alert.AlertAttributes.BRANCH;
import static dev.meister.core.alert.AlertAttributes.CONCLUSION;
import static dev.meister.core.alert.AlertAttributes.HEAD_SHA;
import static dev.meister.core.alert.AlertAttributes.JOB_NAME;
import static dev.meister.core.alert.AlertAttributes.REPO;
import static dev.meister.core.alert.AlertAttributes.RUN_ATTEMPT;
import static dev.meister.core.alert.AlertAttributes.RUN_ID;
import static dev.meister.core.alert.AlertAttributes.RUN_URL;
import static dev.meister.core.alert.AlertAttributes.WORKFLOW_NAME;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meister.bot.webhook.Verdict;
import dev.meister.core.alert.AlertSource;
import dev.meister.core.alert.Outcome;
import dev.meister.core.alert.PipelineEvent;
import java.util.Optional;

/**
 * Translates a {@code workflow_job} payload. Only failures count: a job's success says nothing
 * about its run, whose own {@code workflow_run} records it.
 */
final class WorkflowJobs {
  private static final String WHAT = "workflow_job";

  private WorkflowJobs() {}

  static Verdict verdict(String deliveryKey, ObjectNode root) {
    GitHubPayload payload = new GitHubPayload(root);
    String action = payload.required("action");
    if (!action.equals("completed")) {
      return Verdict.ignore(WHAT, "action " + action);
    }
    String conclusion = payload.required(WHAT, "conclusion");
    Optional<Outcome> outcome = Conclusions.outcome(conclusion, false);
    if (outcome.isEmpty()) {
      return Verdict.ignore(WHAT, "conclusion " + conclusion);
    }
    payload
        .put(REPO, payload.required("repository", "full_name"))
        .put(RUN_ID, payload.required(WHAT, "run_id"))
        .put(JOB_NAME, payload.required(WHAT, "name"))
        .put(BRANCH, payload.text(WHAT, "head_branch"))
        .put(WORKFLOW_NAME, payload.text(WHAT, "workflow_name"))
        .put(RUN_ATTEMPT, payload.text(WHAT, "run_attempt"))
        // The job's page; it links to its run.
        .put(RUN_URL, payload.text(WHAT, "html_url"))
        .put(HEAD_SHA, payload.text(WHAT, "head_sha"))
        .put(ACTOR, payload.text("sender", "login"))
        .put(CONCLUSION, conclusion);
    return Verdict.deliver(
        new PipelineEvent(
            AlertSource.GITHUB_ACTIONS,
            deliveryKey,
            outcome.get(),
            payload.instant(WHAT, "completed_at"),
            payload.attributes()));
  }
}
