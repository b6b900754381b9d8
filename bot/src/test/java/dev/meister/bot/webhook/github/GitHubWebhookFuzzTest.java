package dev.meister.bot.webhook.github;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meister.bot.webhook.Outcomes;
import dev.meister.bot.webhook.RawRequest;
import dev.meister.bot.webhook.Verdict;
import dev.meister.bot.webhook.WebhookJson;
import java.nio.charset.StandardCharsets;

/**
 * {@code POST /hooks/github} on hostile bytes and headers: every delivery ends in a verdict or a
 * documented 400/401/413/415, and the picked-fields parser decides exactly as the whole tree does.
 *
 * <p>An input is {@code Header: value} lines, a blank line and the body, or the body alone (see
 * {@link RawRequest}); headers it leaves out are filled in, the signature with a valid one, so the
 * fuzzer reaches the parser. Seeds: {@code GitHubWebhookFuzzTestInputs/} (the verbatim fixtures).
 */
class GitHubWebhookFuzzTest {
  private static final String SECRET = new String(GitHubDeliveries.SECRET, StandardCharsets.UTF_8);
  private static final GitHubSignature SIGNER = new GitHubSignature(GitHubDeliveries.SECRET);
  private static final GitHubWebhook RUNS_ONLY = new GitHubWebhook(GitHubDeliveries.SECRET, false);
  private static final GitHubWebhook WITH_JOBS = new GitHubWebhook(GitHubDeliveries.SECRET, true);

  @FuzzTest(maxDuration = "60s")
  void every_delivery_is_a_verdict_or_a_documented_rejection(byte[] input) {
    RawRequest parsed = RawRequest.parse(input);
    RawRequest request =
        parsed
            .withDefault("Content-Type", "application/json")
            .withDefault("X-GitHub-Event", "workflow_run")
            .withDefault("X-GitHub-Delivery", GitHubDeliveries.DELIVERY)
            .withDefault("X-Hub-Signature-256", SIGNER.sign(parsed.body()));

    Outcomes.of(() -> request.through(RUNS_ONLY), SECRET);
    Outcomes.of(() -> request.through(WITH_JOBS), SECRET);
    if (!parsed.headersGiven()) {
      // The same body as a workflow_job delivery, so both translators see every body.
      Outcomes.of(() -> request.with("X-GitHub-Event", "workflow_job").through(WITH_JOBS), SECRET);
    }

    byte[] body = parsed.body();
    for (Translator translator : new Translator[] {WorkflowRuns::verdict, WorkflowJobs::verdict}) {
      assertThat(
              decision(
                  Outcomes.of(
                      () -> translator.of("github:d", GitHubWebhook.READ.parseObject(body)),
                      SECRET)))
          .as("picked fields decide as the whole tree does")
          .isEqualTo(
              decision(
                  Outcomes.of(
                      () -> translator.of("github:d", WebhookJson.parseObject(body)), SECRET)));
    }
  }

  /** Malformed JSON is refused by both; the two parsers word where it broke differently. */
  private static String decision(String outcome) {
    return outcome.startsWith("400 malformed JSON") ? "400 malformed JSON" : outcome;
  }

  private interface Translator {
    Verdict of(String deliveryKey, ObjectNode root);
  }
}
