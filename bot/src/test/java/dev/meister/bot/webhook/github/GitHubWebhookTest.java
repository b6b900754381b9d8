package dev.meister.bot.webhook.github;

import static dev.meister.bot.webhook.github.GitHubDeliveries.DELIVERY;
import static dev.meister.bot.webhook.github.GitHubDeliveries.SECRET;
import static dev.meister.bot.webhook.github.GitHubDeliveries.fixture;
import static dev.meister.bot.webhook.github.GitHubDeliveries.headers;
import static dev.meister.bot.webhook.github.GitHubDeliveries.runConcluded;
import static dev.meister.bot.webhook.github.GitHubDeliveries.unsigned;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meister.bot.webhook.Loopback;
import dev.meister.bot.webhook.Loopback.Answer;
import dev.meister.bot.webhook.RecordingSink;
import dev.meister.core.alert.AlertSource;
import dev.meister.core.alert.GitHubRun;
import dev.meister.core.alert.Outcome;
import dev.meister.core.alert.RunEvent;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator.ReplaceUnderscores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayNameGeneration(ReplaceUnderscores.class)
class GitHubWebhookTest {
  private static final String PATH = "/hooks/github";

  private final RecordingSink sink = new RecordingSink();
  private final Loopback server = new Loopback(new GitHubWebhook(SECRET, false), sink);

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void a_signed_failed_run_reaches_the_sink_with_the_payloads_facts() {
    byte[] body = runConcluded("failure");

    Answer answer = server.post(PATH, headers("workflow_run", body), body);

    assertThat(answer.status()).isEqualTo(202);
    RunEvent event = sink.onlyEvent();
    assertThat(event.source()).isEqualTo(AlertSource.GITHUB_ACTIONS);
    assertThat(event.deliveryKey()).isEqualTo("github:" + DELIVERY);
    assertThat(event.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(event.occurredAt()).isEqualTo(Instant.parse("2020-10-05T16:33:49Z"));
    assertThat(event.origin())
        .isEqualTo(
            GitHubRun.builder("octo-org/octo-repo")
                .branch("master")
                .event("repository_dispatch")
                .workflowName("test")
                .workflowPath(".github/workflows/test.yml")
                .runId(289782451L)
                .runNumber(163)
                .runAttempt(1)
                .runUrl("https://github.com/octo-org/octo-repo/actions/runs/289782451")
                .headSha("3484a3fb816e0859fd6e1cea078d76385ff50625")
                .actor("Codertocat")
                .commitAuthor("Matthias Fax")
                .commitMessage("build(test): check workflow run event payload")
                .conclusion("failure")
                .build());
  }

  @Test
  void a_new_failure_is_answered_with_its_alert_id() {
    byte[] body = runConcluded("failure");

    Answer answer = server.post(PATH, headers("workflow_run", body), body);

    assertThat(answer.text("status")).isEqualTo("accepted");
    assertThat(answer.json().path("alert").asLong()).isEqualTo(42);
    assertThat(answer.json().path("duplicate").asBoolean()).isFalse();
  }

  @Test
  void a_redelivery_is_answered_200_as_a_duplicate_of_the_same_alert() {
    byte[] body = runConcluded("failure");
    server.post(PATH, headers("workflow_run", body), body);

    Answer again = server.post(PATH, headers("workflow_run", body), body);

    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().path("alert").asLong()).isEqualTo(42);
    assertThat(again.json().path("duplicate").asBoolean()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"timed_out", "startup_failure"})
  void other_failing_conclusions_are_failures_too(String conclusion) {
    byte[] body = runConcluded(conclusion);

    server.post(PATH, headers("workflow_run", body), body);

    assertThat(sink.onlyEvent().outcome()).isEqualTo(Outcome.FAILED);
    assertThat(run().conclusion()).contains(conclusion);
  }

  @Test
  void a_successful_run_is_recorded_as_succeeded_with_200() {
    byte[] body = fixture("workflow_run.completed.json");

    Answer answer = server.post(PATH, headers("workflow_run", body), body);

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().path("alert").isNull()).isTrue();
    assertThat(sink.onlyEvent().outcome()).isEqualTo(Outcome.SUCCEEDED);
  }

  @ParameterizedTest
  @ValueSource(strings = {"cancelled", "skipped", "neutral", "action_required", "stale"})
  void runs_that_neither_failed_nor_succeeded_are_ignored(String conclusion) {
    byte[] body = runConcluded(conclusion);

    Answer answer = server.post(PATH, headers("workflow_run", body), body);

    assertThat(answer.status()).isEqualTo(202);
    assertThat(answer.text("ignored")).isEqualTo("workflow_run");
    assertThat(answer.text("reason")).isEqualTo("conclusion " + conclusion);
    assertThat(sink.events()).isEmpty();
  }

  @Test
  void a_requested_run_is_ignored() {
    byte[] body = fixture("workflow_run.requested.json");

    Answer answer = server.post(PATH, headers("workflow_run", body), body);

    assertThat(answer.status()).isEqualTo(202);
    assertThat(answer.text("reason")).isEqualTo("action requested");
    assertThat(sink.events()).isEmpty();
  }

  @Test
  void a_wrong_signature_is_401_and_never_reaches_the_sink() {
    byte[] body = runConcluded("failure");
    Map<String, String> headers = unsigned("workflow_run");
    headers.put(
        "X-Hub-Signature-256",
        new GitHubSignature("wrong".getBytes(StandardCharsets.UTF_8)).sign(body));

    Answer answer = server.post(PATH, headers, body);

    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.text("error")).isEqualTo("invalid signature");
    assertThat(sink.events()).isEmpty();
  }

  @Test
  void a_body_changed_after_signing_is_401() {
    byte[] signed = runConcluded("failure");
    byte[] tampered = runConcluded("timed_out");

    Answer answer = server.post(PATH, headers("workflow_run", signed), tampered);

    assertThat(answer.status()).isEqualTo(401);
    assertThat(sink.events()).isEmpty();
  }

  @Test
  void a_missing_signature_is_401_and_never_reaches_the_sink() {
    byte[] body = runConcluded("failure");

    Answer answer = server.post(PATH, unsigned("workflow_run"), body);

    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.text("error")).isEqualTo("missing X-Hub-Signature-256 header");
    assertThat(sink.events()).isEmpty();
  }

  @Test
  void an_unsigned_malformed_body_is_401_not_400_because_the_signature_comes_first() {
    byte[] body = "{not json".getBytes(StandardCharsets.UTF_8);

    Answer answer = server.post(PATH, unsigned("workflow_run"), body);

    assertThat(answer.status()).isEqualTo(401);
  }

  @Test
  void a_ping_is_answered_200_ok() {
    byte[] body = fixture("ping.json");

    Answer answer = server.post(PATH, headers("ping", body), body);

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().path("ok").asBoolean()).isTrue();
    assertThat(sink.events()).isEmpty();
  }

  @Test
  void a_push_is_ignored_with_202() {
    byte[] body = fixture("push.json");

    Answer answer = server.post(PATH, headers("push", body), body);

    assertThat(answer.status()).isEqualTo(202);
    assertThat(answer.text("ignored")).isEqualTo("push");
    assertThat(sink.events()).isEmpty();
  }

  @Test
  void a_failed_job_is_ignored_by_default_because_its_run_reports_it() {
    byte[] body = fixture("workflow_job.completed.failure.with-organization.json");

    Answer answer = server.post(PATH, headers("workflow_job", body), body);

    assertThat(answer.status()).isEqualTo(202);
    assertThat(answer.text("ignored")).isEqualTo("workflow_job");
    assertThat(sink.events()).isEmpty();
  }

  @Test
  void a_failed_job_is_a_failure_when_job_alerts_are_on() {
    byte[] body = fixture("workflow_job.completed.failure.with-organization.json");
    try (Loopback jobs = new Loopback(new GitHubWebhook(SECRET, true), sink)) {

      Answer answer = jobs.post(PATH, headers("workflow_job", body), body);

      assertThat(answer.status()).isEqualTo(202);
    }
    RunEvent event = sink.onlyEvent();
    assertThat(event.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(event.occurredAt()).isEqualTo(Instant.parse("2021-08-05T10:38:16Z"));
    assertThat(event.origin())
        .isEqualTo(
            GitHubRun.builder("Codertocat/Hello-World")
                .runId(2202229078L)
                .job("linters")
                .branch("main")
                .workflowName("CodeQL")
                .runAttempt(1)
                .runUrl("https://github.com/octo-org/octo-repo/runs/1291536064")
                .headSha("3484a3fb816e0859fd6e1cea078d76385ff50625")
                .actor("Codertocat")
                .conclusion("failure")
                .build());
  }

  @Test
  void signed_malformed_json_is_400_with_a_one_line_reason() {
    byte[] body = "{\"action\": \"completed\",}".getBytes(StandardCharsets.UTF_8);

    Answer answer = server.post(PATH, headers("workflow_run", body), body);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.text("error"))
        .startsWith("malformed JSON: Unexpected character ('}' (code 125))")
        .endsWith("(line 1, column 24)")
        .doesNotContain("\n");
    assertThat(sink.events()).isEmpty();
  }

  @Test
  void a_run_without_its_repository_is_400_naming_the_field() {
    byte[] body =
        "{\"action\":\"completed\",\"workflow_run\":{\"conclusion\":\"failure\",\"id\":1,\"updated_at\":\"2020-10-05T16:33:49Z\"}}"
            .getBytes(StandardCharsets.UTF_8);

    Answer answer = server.post(PATH, headers("workflow_run", body), body);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.text("field")).isEqualTo("repository.full_name");
  }

  @Test
  void a_missing_delivery_header_is_400() {
    byte[] body = runConcluded("failure");
    Map<String, String> headers = headers("workflow_run", body);
    headers.remove("X-GitHub-Delivery");

    Answer answer = server.post(PATH, headers, body);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.text("error")).isEqualTo("missing X-GitHub-Delivery header");
    assertThat(sink.events()).isEmpty();
  }

  @Test
  void a_form_encoded_delivery_is_read_from_its_payload_field() {
    String json = new String(runConcluded("failure"), StandardCharsets.UTF_8);
    byte[] body =
        ("payload=" + URLEncoder.encode(json, StandardCharsets.UTF_8))
            .getBytes(StandardCharsets.US_ASCII);
    Map<String, String> headers = headers("workflow_run", body);
    headers.put("Content-Type", "application/x-www-form-urlencoded");

    Answer answer = server.post(PATH, headers, body);

    assertThat(answer.status()).isEqualTo(202);
    assertThat(run().repo()).isEqualTo("octo-org/octo-repo");
  }

  @Test
  void the_sink_failing_is_503_so_the_delivery_can_be_retried() {
    byte[] body = runConcluded("failure");
    sink.failWith(new IllegalStateException("database is locked"));

    Answer answer = server.post(PATH, headers("workflow_run", body), body);

    assertThat(answer.status()).isEqualTo(503);
    assertThat(answer.text("error")).isEqualTo("storage unavailable, retry");
  }

  private GitHubRun run() {
    return (GitHubRun) sink.onlyEvent().origin();
  }
}
