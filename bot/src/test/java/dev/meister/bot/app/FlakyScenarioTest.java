package dev.meister.bot.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meister.bot.config.ConfigLoader;
import dev.meister.bot.config.MeisterConfig;
import dev.meister.bot.config.SecretPolicy;
import dev.meister.bot.console.ConsoleChatPort;
import dev.meister.bot.console.ConsoleSession;
import dev.meister.bot.github.FakeGitHub;
import dev.meister.bot.webhook.Verdict;
import dev.meister.bot.webhook.WebhookRequest;
import dev.meister.bot.webhook.github.GitHubWebhook;
import dev.meister.core.alert.RunEvent;
import dev.meister.core.chat.AlertId;
import dev.meister.core.schedule.RotationId;
import dev.meister.testing.MutableClock;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Flaky tests told apart, end to end and by the clock: sequences of {@code run_attempt}s made from
 * the real {@code workflow_run.completed} fixture and translated by the GitHub webhook, the failed
 * job's real pytest log read through a fake GitHub on loopback, the replies in the console chat.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class FlakyScenarioTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SECRET = "webhook-secret";
  private static final String REPO = "octo-org/octo-repo";
  private static final String WORKFLOW = ".github/workflows/test.yml";
  private static final String TEST =
      "knowledge_graph/vendors/test/test_utils.py::TestClean::test_clean";
  private static final String SHA = "3484a3fb816e0859fd6e1cea078d76385ff50625";
  private static final Path LOGS =
      Path.of(
          java.net.URI.create(
              Objects.requireNonNull(FlakyScenarioTest.class.getResource("/fixtures/github/logs/"))
                  .toString()));

  @TempDir Path dir;
  private FakeGitHub github;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T09:00:00Z"));
  private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
  private final AtomicLong ids = new AtomicLong();
  private final GitHubWebhook webhook =
      new GitHubWebhook(SECRET.getBytes(StandardCharsets.UTF_8), false);
  private Meister meister;
  private BotRuntime runtime;
  private ConsoleSession session;

  @BeforeEach
  void start() throws Exception {
    github = new FakeGitHub();
    Path config = dir.resolve("meister.yml");
    Files.writeString(
        config,
        """
        team:
          members:
            alice: { name: Alice Doe, github: alice-gh, roles: [team_lead] }
            bob:   { name: Bob Stone, github: bob-gh }
        rotations:
          buildmeister:
            name: Buildmeister
            zone: Europe/Berlin
            shift: 2w
            handoff: { day: monday, time: "11:00" }
            anchor: 2026-11-16
            roster: [bob, alice]
            chat: console/builds
            review: { cron: "0 10 * * MON", flaky_rate: 20%% }
        routes:
          - name: everything
            rotation: buildmeister
        storage:
          database: %s
        github:
          api_url: %s
          token: ${GITHUB_TOKEN}
          repo: acme/issues
          labels: [bug]
        """
            .formatted(dir.resolve("meister.db"), github.apiUrl()));
    MeisterConfig cfg =
        new ConfigLoader(Map.of("GITHUB_TOKEN", "ghp_test")).load(config, SecretPolicy.REQUIRED);
    meister = Meister.open(cfg, dir.resolve("meister.db"), clock);
    PrintStream out = new PrintStream(screen, true, StandardCharsets.UTF_8);
    ConsoleChatPort port = new ConsoleChatPort(out, cfg.team(), ids);
    runtime = new BotRuntime(meister, List.of(port), clock, d -> {});
    session =
        new ConsoleSession(runtime.dispatcher(), cfg.team().teamLeads().get(0), ids, out)
            .resolvingMessagesWith(port);
  }

  @AfterEach
  void stop() {
    runtime.close();
    meister.close();
    github.close();
  }

  /** Lets the outbox and the filing worker do their rounds, as their threads would. */
  private void settle() {
    runtime.worker().deliverDue();
    runtime.filing().processDue();
    runtime.worker().deliverDue();
  }

  private String unindented() {
    return String.join(
        "\n", screen.toString(StandardCharsets.UTF_8).lines().map(String::strip).toList());
  }

  /**
   * The real fixture as GitHub would send attempt {@code attempt} of run {@code runId} on {@code
   * sha}, translated by the webhook, five minutes after the last.
   */
  private RunEvent attempt(long runId, int attempt, String sha, String conclusion, String branch)
      throws Exception {
    clock.advance(Duration.ofMinutes(5));
    ObjectNode root;
    try (InputStream in =
        FlakyScenarioTest.class.getResourceAsStream(
            "/fixtures/github/workflow_run.completed.json")) {
      root = (ObjectNode) JSON.readTree(Objects.requireNonNull(in).readAllBytes());
    }
    ((ObjectNode) root.get("workflow_run"))
        .put("id", runId)
        .put("run_attempt", attempt)
        .put("head_sha", sha)
        .put("head_branch", branch)
        .put("conclusion", conclusion)
        .put("updated_at", clock.instant().toString());
    byte[] body = JSON.writeValueAsBytes(root);
    Verdict verdict =
        webhook.handle(
            new WebhookRequest(
                Map.of(
                    "X-GitHub-Event",
                    "workflow_run",
                    "X-GitHub-Delivery",
                    "d-" + runId + "-" + attempt,
                    "X-Hub-Signature-256",
                    GitHubDeliveries.sign(SECRET, body)),
                "application/json",
                body));
    return ((Verdict.Deliver) verdict).event();
  }

  /** Attempt {@code attempt} of run {@code runId} failed with the one-root-cause pytest log. */
  private AlertId fail(long runId, int attempt, String sha, String branch) throws Exception {
    github.run(
        runId,
        List.of(
            new FakeGitHub.Job(
                runId * 10,
                "run_fast_tests",
                "failure",
                "Run fast tests",
                Files.readString(LOGS.resolve("pytest-one-root-cause.failure.log")))));
    AlertId id =
        runtime
            .sink()
            .accept(attempt(runId, attempt, sha, "failure", branch))
            .alertId()
            .orElseThrow();
    settle();
    return id;
  }

  private AlertId fail(long runId, int attempt, String sha) throws Exception {
    return fail(runId, attempt, sha, "master");
  }

  private void pass(long runId, int attempt, String sha, String branch) throws Exception {
    runtime.sink().accept(attempt(runId, attempt, sha, "success", branch));
    settle();
  }

  private void pass(long runId, int attempt, String sha) throws Exception {
    pass(runId, attempt, sha, "master");
  }

  private String messageOf(AlertId id) {
    return meister.storage().messageLinks().messagesFor(id).get(0).messageId();
  }

  private void say(String line) throws Exception {
    session.run(new BufferedReader(new StringReader(line + "\n")));
    settle();
  }

  @Test
  void a_test_that_failed_on_attempt_1_and_passed_on_attempt_2_of_the_same_commit_is_flaky()
      throws Exception {
    AlertId alert = fail(7001, 1, SHA);

    pass(7001, 2, SHA);

    assertThat(unindented())
        .contains(
            "↳ #"
                + messageOf(alert)
                + " \uD83C\uDFB2 Passed on re-run (attempt 2) of the same commit 3484a3f:\n"
                + "flaky: failed 1 of the last 2 runs on master, passed on re-run — "
                + TEST);
    assertThat(meister.storage().buildRuns().passesOf(REPO, TEST))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.headSha()).isEqualTo(SHA);
              assertThat(p.passedAttempt()).isEqualTo(2);
              assertThat(p.failedAlert()).contains(alert);
            });
  }

  @Test
  void a_pass_of_a_different_commit_does_not_make_the_test_flaky() throws Exception {
    fail(7001, 1, SHA);

    pass(7002, 1, "9f1c0ffee9f1c0ffee9f1c0ffee9f1c0ffee9f1c");

    assertThat(unindented()).doesNotContain("Passed on re-run").doesNotContain("flaky");
    assertThat(meister.storage().buildRuns().passesOf(REPO, TEST)).isEmpty();
  }

  @Test
  void a_re_run_that_fails_again_does_not_make_the_test_flaky() throws Exception {
    fail(7001, 1, SHA);

    fail(7001, 2, SHA);

    assertThat(meister.storage().buildRuns().passesOf(REPO, TEST)).isEmpty();
  }

  @Test
  void a_re_run_that_passes_before_the_failed_logs_are_read_still_tells_the_test_flaky()
      throws Exception {
    github.run(
        7001,
        List.of(
            new FakeGitHub.Job(
                70010,
                "run_fast_tests",
                "failure",
                "Run fast tests",
                Files.readString(LOGS.resolve("pytest-one-root-cause.failure.log")))));
    runtime.sink().accept(attempt(7001, 1, SHA, "failure", "master"));
    runtime.worker().deliverDue();
    runtime.sink().accept(attempt(7001, 2, SHA, "success", "master"));

    settle();

    assertThat(meister.storage().buildRuns().passesOf(REPO, TEST)).hasSize(1);
    assertThat(unindented())
        .contains(
            "\uD83C\uDFB2 flaky: failed 1 of the last 2 runs on master, passed on re-run: "
                + TEST
                + "\nEvery failing test is known flaky: re-run the job before filing a bug.");
  }

  // The rate looks at the last ten runs of the workflow on the branch, failed and passed.
  @Test
  void a_known_flaky_test_failing_again_is_said_flaky_with_its_rate_instead_of_asking_for_a_bug()
      throws Exception {
    fail(7001, 1, SHA);
    pass(7001, 2, SHA);
    fail(7002, 1, "b2");
    pass(7002, 2, "b2");
    for (int run = 7003; run <= 7007; run++) {
      pass(run, 1, "c" + run);
    }
    pass(7100, 1, "feature-sha", "feature/x"); // another branch: not counted

    AlertId again = fail(7008, 1, "d8");

    assertThat(unindented())
        .contains(
            "↳ #"
                + messageOf(again)
                + " \uD83E\uDDEA 1 test broke:\nFAILED "
                + TEST
                + "\n\n\uD83C\uDFB2 flaky: failed 3 of the last 10 runs on master, passed on re-run: "
                + TEST
                + "\nEvery failing test is known flaky: re-run the job before filing a bug.");
    // The alert's own message is edited to say so.
    assertThat(unindented())
        .contains(
            "\uD83C\uDFB2 flaky: failed 3 of the last 10 runs on master, passed on re-run: "
                + TEST
                + "\nRe-run it before filing a bug; /issue files it labelled flaky.");
  }

  @Test
  void issue_files_a_known_flaky_test_labelled_flaky_and_its_next_failure_joins_that_issue()
      throws Exception {
    fail(7001, 1, SHA);
    pass(7001, 2, SHA);
    AlertId again = fail(7002, 1, "b2");

    say(">" + messageOf(again) + " /issue");

    List<FakeGitHub.Received> created = github.received("POST", ".*/acme/issues/issues");
    assertThat(created).hasSize(1);
    JsonNode issue = created.get(0).json();
    assertThat(issue.path("labels").toString()).contains("\"flaky\"").contains("\"bug\"");
    int number = meister.storage().issueLinks().issueFor(again).orElseThrow().issue().number();

    AlertId third = fail(7003, 1, "c3");
    say(">" + messageOf(third) + " /issue");

    assertThat(github.received("POST", ".*/acme/issues/issues")).hasSize(1);
    assertThat(github.received("POST", ".*/issues/" + number + "/comments")).isNotEmpty();
    assertThat(github.received("POST", ".*/issues/" + number + "/labels"))
        .singleElement()
        .satisfies(r -> assertThat(r.json().path("labels").toString()).contains("flaky"));
  }

  // A re-run hides a flaky test each time; the weekly review brings up those failing too often.
  @Test
  void the_weekly_review_lists_a_test_flaky_beyond_the_configured_rate_and_not_one_below()
      throws Exception {
    fail(7001, 1, SHA);
    pass(7001, 2, SHA);

    assertThat(runtime.duties().reviewPosts().post(RotationId.of("buildmeister"))).isTrue();
    runtime.worker().deliverDue();

    assertThat(unindented())
        .contains(
            "\uD83C\uDFB2 Flaky beyond 20% (1 test), each passed on re-run:\n• "
                + TEST
                + " ("
                + REPO
                + "): failed 1 of the last 2 runs on master (50%), passed on re-run once");

    for (int run = 7002; run <= 7009; run++) {
      pass(run, 1, "c" + run);
    }
    screen.reset();
    runtime.duties().reviewPosts().post(RotationId.of("buildmeister"));
    runtime.worker().deliverDue();

    assertThat(unindented()).contains("Weekly review").doesNotContain("Flaky beyond");
  }
}
