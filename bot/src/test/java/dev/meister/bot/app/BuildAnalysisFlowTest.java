package dev.meister.bot.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meister.bot.config.ConfigLoader;
import dev.meister.bot.config.MeisterConfig;
import dev.meister.bot.config.SecretPolicy;
import dev.meister.bot.console.ConsoleChatPort;
import dev.meister.bot.github.FakeGitHub;
import dev.meister.core.alert.GitHubRun;
import dev.meister.core.alert.Outcome;
import dev.meister.core.alert.RunEvent;
import dev.meister.core.chat.AlertId;
import dev.meister.testing.MutableClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The analysis of a red build end to end, before anyone asks for an issue: the real pytest and
 * Surefire logs from the fixtures read through a fake GitHub on loopback, the failing tests and
 * build hints posted under the alert in the console chat.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class BuildAnalysisFlowTest {
  /** Copies of shared/fixtures/github/logs, on the test classpath. */
  private static final Path LOGS =
      Path.of(
          java.net.URI.create(
              java.util.Objects.requireNonNull(
                      BuildAnalysisFlowTest.class.getResource("/fixtures/github/logs/"))
                  .toString()));

  @TempDir Path dir;
  private FakeGitHub github;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T09:00:00Z"));
  private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
  private Meister meister;
  private BotRuntime runtime;

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
        routes:
          - name: everything
            rotation: buildmeister
        test_types:
          fast_tests.yml: fast
        storage:
          database: %s
        github:
          api_url: %s
          token: ${GITHUB_TOKEN}
          repo: acme/issues
        build_hints:
          - match: { repo: acme/dev_tools, workflow: "update_amp_submodule*" }
            hint: update the amp pointer manually
            runbook: https://wiki.example.com/amp
          - match: { step: "Update amp pointer" }
            hint: git pull --recurse-submodules, then commit the amp pointer
          - pattern: "\\\\['legacy_id'\\\\] not found"
            hint: the vendors' legacy_id column is gone; ask the data team
        """
            .formatted(dir.resolve("meister.db"), github.apiUrl()));
    MeisterConfig cfg =
        new ConfigLoader(Map.of("GITHUB_TOKEN", "ghp_test")).load(config, SecretPolicy.REQUIRED);
    meister = Meister.open(cfg, dir.resolve("meister.db"), clock);
    PrintStream out = new PrintStream(screen, true, StandardCharsets.UTF_8);
    ConsoleChatPort port = new ConsoleChatPort(out, cfg.team(), new AtomicLong());
    runtime = new BotRuntime(meister, List.of(port), clock, d -> {});
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

  private String screen() {
    return screen.toString(StandardCharsets.UTF_8);
  }

  /** The screen without the console's indentation of a message's further lines. */
  private String unindented() {
    return String.join("\n", screen().lines().map(String::strip).toList());
  }

  private AlertId fail(long run, String repo, String workflow, @Nullable String step, String log)
      throws Exception {
    return failWithLog(run, repo, workflow, step, Files.readString(LOGS.resolve(log)));
  }

  private AlertId failWithLog(
      long run, String repo, String workflow, @Nullable String step, String logText)
      throws Exception {
    github.run(
        run,
        List.of(
            new FakeGitHub.Job(run * 10, "run_fast_tests", "failure", step, logText),
            new FakeGitHub.Job(run * 10 + 1, "lint", "success", null, null)));
    clock.advance(Duration.ofMinutes(5));
    GitHubRun a =
        GitHubRun.builder(repo)
            .branch("master")
            .event("push")
            .workflowName(workflow)
            .workflowPath(".github/workflows/" + workflow + ".yml")
            .runId(run)
            .runNumber((int) run)
            .runUrl("https://github.com/" + repo + "/actions/runs/" + run)
            .build();
    AlertId id =
        runtime
            .sink()
            .accept(new RunEvent("github:delivery-" + run, Outcome.FAILED, clock.instant(), a))
            .alertId()
            .orElseThrow();
    settle();
    return id;
  }

  private AlertId failFastTests(long run, String log) throws Exception {
    return fail(run, "acme/widgets", "fast_tests", "Run fast tests", log);
  }

  private String messageOf(AlertId id) {
    return meister.storage().messageLinks().messagesFor(id).get(0).messageId();
  }

  // Seed 002: "Post on the `CK build notifications` Telegram channel what tests broke, e.g.,
  // `FAILED knowledge_graph/vendors/test/test_utils.py::TestClean::test_clean`".
  @Test
  void a_red_pytest_build_gets_its_failed_tests_under_its_alert_without_asking() throws Exception {
    AlertId alert = failFastTests(42, "pytest-fast-tests.failure.log");

    assertThat(unindented())
        .contains(
            "↳ #"
                + messageOf(alert)
                + " \uD83E\uDDEA 3 tests broke:\n"
                + "FAILED knowledge_graph/vendors/test/test_utils.py::TestClean::test_clean\n"
                + "FAILED knowledge_graph/vendors/nbsc/test/test_nbsc_utils.py"
                + "::TestExposeNBSCMetadata::test_expose_nbsc_metadata\n"
                + "FAILED automl/hypotheses/test/test_rh_generator.py::TestRhGenerator::test1");
    assertThat(github.received("POST", ".*/issues")).isEmpty();
  }

  @Test
  void a_red_maven_build_gets_its_failed_surefire_tests() throws Exception {
    failFastTests(42, "maven-surefire.failure.log");

    assertThat(unindented())
        .contains(
            "2 tests broke:\n"
                + "FAILED com.example.billing.InvoiceTest.roundsHalfEven\n"
                + "FAILED com.example.billing.InvoiceTest.parsesCurrency");
  }

  @Test
  void more_failing_tests_than_ten_are_capped_with_and_n_more() throws Exception {
    // The real pytest log with its FAILED summary line repeated for 13 tests.
    String real = Files.readString(LOGS.resolve("pytest-fast-tests.failure.log"));
    String line =
        real.lines()
            .filter(l -> l.contains("FAILED knowledge_graph/vendors/test/"))
            .findFirst()
            .orElseThrow();
    StringBuilder log = new StringBuilder(real);
    for (int i = 1; i <= 10; i++) {
      log.append(line.replace("test_clean", "test_clean_" + i)).append('\n');
    }

    failWithLog(42, "acme/widgets", "fast_tests", "Run fast tests", log.toString());

    assertThat(unindented())
        .contains("13 tests broke:")
        .contains("FAILED knowledge_graph/vendors/test/test_utils.py::TestClean::test_clean_7\n")
        .doesNotContain("test_clean_8")
        .contains("… and 3 more");
  }

  @ParameterizedTest
  @CsvSource({"404, Not Found", "410, Gone"})
  void a_log_github_no_longer_has_is_said_once_and_not_asked_for_again(int status, String message)
      throws Exception {
    github.failNext("GET", ".*/actions/jobs/420/logs", FakeGitHub.error(status, message));

    failFastTests(42, "pytest-fast-tests.failure.log");
    for (int i = 0; i < 3; i++) {
      clock.advance(Duration.ofMinutes(10));
      settle();
    }

    assertThat(screen())
        .containsOnlyOnce(
            "⚠️ Could not read the log of job run_fast_tests (GitHub refused ("
                + status
                + "): "
                + message
                + "); its failing tests are not listed.")
        .doesNotContain("tests broke");
    assertThat(github.received("GET", ".*/actions/jobs/420/logs")).hasSize(1);
  }

  @Test
  void a_log_github_cannot_serve_now_is_tried_again_and_its_tests_posted() throws Exception {
    for (int i = 0; i < 4; i++) {
      github.failNext("GET", ".*/actions/jobs/420/logs", FakeGitHub.error(502, "Bad Gateway"));
    }

    failFastTests(42, "pytest-one-root-cause.failure.log");
    assertThat(screen()).doesNotContain("test broke").doesNotContain("Could not read");
    clock.advance(Duration.ofMinutes(10));
    settle();

    assertThat(screen())
        .containsOnlyOnce("1 test broke:")
        .contains("FAILED knowledge_graph/vendors/test/test_utils.py::TestClean::test_clean");
  }

  // Seed 002: "`update_amp_submodule` fails - When this happens, the first thing to do is attempt
  // to update the `amp` pointer manually".
  @Test
  void a_build_hint_keyed_on_the_workflow_is_on_the_alert_itself() throws Exception {
    AlertId alert =
        fail(
            43,
            "acme/dev_tools",
            "update_amp_submodule",
            "Update amp pointer",
            "pytest-one-root-cause.failure.log");

    assertThat(screen())
        .contains("💡 update the amp pointer manually (Runbook (https://wiki.example.com/amp))");
    assertThat(screen().indexOf("💡 update the amp pointer manually"))
        .isLessThan(screen().indexOf("↳ #" + messageOf(alert)));
  }

  @Test
  void a_build_hint_keyed_on_the_failed_step_is_in_the_reply_once_the_jobs_are_read()
      throws Exception {
    fail(
        43,
        "acme/dev_tools",
        "update_amp_submodule",
        "Update amp pointer",
        "maven-surefire.failure.log");

    assertThat(screen())
        .containsOnlyOnce("💡 git pull --recurse-submodules, then commit the amp pointer")
        .doesNotContain("legacy_id");
    assertThat(screen().indexOf("2 tests broke"))
        .isLessThan(screen().indexOf("💡 git pull --recurse-submodules"));
  }

  @Test
  void a_build_hint_keyed_on_a_log_pattern_is_in_the_reply() throws Exception {
    failFastTests(42, "pytest-fast-tests.failure.log");

    assertThat(screen())
        .containsOnlyOnce("💡 the vendors' legacy_id column is gone; ask the data team")
        .doesNotContain("amp pointer");
  }
}
