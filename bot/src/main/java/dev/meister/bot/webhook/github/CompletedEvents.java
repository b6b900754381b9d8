package dev.meister.bot.webhook.github;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meister.bot.webhook.Verdict;
import dev.meister.core.alert.GitHubRun;
import dev.meister.core.alert.Outcome;
import dev.meister.core.alert.RunEvent;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * What {@code workflow_run} and {@code workflow_job} deliveries share: only a completed one with a
 * conclusion that counts becomes an event; anything else is ignored with the reason.
 */
final class CompletedEvents {
  private CompletedEvents() {}

  /**
   * @param what the payload's object, e.g. {@code workflow_run}
   * @param successCounts whether a success is an event (a run's is; a job's says nothing)
   * @param timeField the field under {@code what} that says when it ended
   * @param facts adds the object's own facts to the run
   */
  static Verdict translate(
      String deliveryKey,
      ObjectNode root,
      String what,
      boolean successCounts,
      String timeField,
      BiConsumer<GitHubPayload, GitHubRun.Builder> facts) {
    GitHubPayload payload = new GitHubPayload(root);
    String action = payload.required("action");
    if (!action.equals("completed")) {
      return Verdict.ignore(what, "action " + action);
    }
    String conclusion = payload.required(what, "conclusion");
    Optional<Outcome> outcome = Conclusions.outcome(conclusion, successCounts);
    if (outcome.isEmpty()) {
      return Verdict.ignore(what, "conclusion " + conclusion);
    }
    GitHubRun.Builder run =
        GitHubRun.builder(payload.required("repository", "full_name")).conclusion(conclusion);
    facts.accept(payload, run);
    return Verdict.deliver(
        new RunEvent(deliveryKey, outcome.get(), payload.instant(what, timeField), run.build()));
  }
}
