package dev.meister.bot.webhook.github;

import static dev.meister.core.alert.AlertAttributes.ACTOR;
import static dev.meister.core.alert.AlertAttributes.BRANCH;
import static dev.meister.core.alert.AlertAttributes.COMMIT_AUTHOR;
import static dev.meister.core.alert.AlertAttributes.COMMIT_MESSAGE;
import static dev.meister.core.alert.AlertAttributes.EVENT;
import static dev.meister.core.alert.AlertAttributes.HEAD_SHA;
import static dev.meister.core.alert.AlertAttributes.RUN_ATTEMPT;
import static dev.meister.core.alert.AlertAttributes.RUN_ID;
import static dev.meister.core.alert.AlertAttributes.RUN_NUMBER;
import static dev.meister.core.alert.AlertAttributes.RUN_URL;
import static dev.meister.core.alert.AlertAttributes.WORKFLOW_NAME;
import static dev.meister.core.alert.AlertAttributes.WORKFLOW_PATH;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meister.bot.webhook.Verdict;

/** Translates a {@code workflow_run} payload. */
final class WorkflowRuns {
  private static final String WHAT = "workflow_run";

  private WorkflowRuns() {}

  static Verdict verdict(String deliveryKey, ObjectNode root) {
    return CompletedEvents.translate(deliveryKey, root, WHAT, true, "updated_at", payload ->
        payload
            .put(RUN_ID, payload.required(WHAT, "id"))
            .put(BRANCH, payload.text(WHAT, "head_branch"))
            .put(EVENT, payload.text(WHAT, "event"))
            // Runs of some triggers carry an empty name; the workflow object always has one.
            .put(WORKFLOW_NAME, payload.text(WHAT, "name").or(() -> payload.text("workflow", "name")))
            .put(WORKFLOW_PATH, payload.text(WHAT, "path"))
            .put(RUN_NUMBER, payload.text(WHAT, "run_number"))
            .put(RUN_ATTEMPT, payload.text(WHAT, "run_attempt"))
            .put(RUN_URL, payload.text(WHAT, "html_url"))
            .put(HEAD_SHA, payload.text(WHAT, "head_sha"))
            .put(
                ACTOR,
                payload
                    .text(WHAT, "actor", "login")
                    .or(() -> payload.text(WHAT, "triggering_actor", "login")))
            .put(COMMIT_AUTHOR, payload.text(WHAT, "head_commit", "author", "name"))
            .put(
                COMMIT_MESSAGE,
                GitHubPayload.firstLine(payload.text(WHAT, "head_commit", "message"))));
  }
}
