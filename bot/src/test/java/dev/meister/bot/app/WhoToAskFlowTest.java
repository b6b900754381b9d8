package dev.meister.bot.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meister.bot.config.ConfigLoader;
import dev.meister.bot.config.MeisterConfig;
import dev.meister.bot.config.SecretPolicy;
import dev.meister.bot.console.ConsoleChatPort;
import dev.meister.bot.console.ConsoleSession;
import dev.meister.bot.github.FakeGitHub;
import dev.meister.core.alert.GitHubRun;
import dev.meister.core.alert.Outcome;
import dev.meister.core.alert.RunEvent;
import dev.meister.core.chat.AlertId;
import dev.meister.testing.MutableClock;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seed 002's "If you know who is in charge of that test (you can use `git blame`) ask directly":
 * once the log analysis knows the failing test files, the last committers of each (the fake
 * GitHub's commits API with {@code path=}) and the run's commit author are named under the alert,
 * team members mentioned; and {@code /assign} in reply to the "Filed #N" answer assigns the issue.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class WhoToAskFlowTest {
  private static final Path LOGS =
      Path.of(
          java.net.URI.create(
              java.util.Objects.requireNonNull(
                      WhoToAskFlowTest.class.getResource("/fixtures/github/logs/"))
                  .toString()));
  private static final String TEST_FILE = "knowledge_graph/vendors/test/test_utils.py";

  @TempDir Path dir;
  private FakeGitHub github;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T09:00:00Z"));
  private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
  private final AtomicLong ids = new AtomicLong();
  private Meister meister;
  private BotRuntime runtime;
  private ConsoleChatPort port;
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
            carol: { name: Carol Coder }
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
        storage:
          database: %s
        github:
          api_url: %s
          token: ${GITHUB_TOKEN}
          repo: acme/issues
        """
            .formatted(dir.resolve("meister.db"), github.apiUrl()));
    MeisterConfig cfg =
        new ConfigLoader(Map.of("GITHUB_TOKEN", "ghp_test")).load(config, SecretPolicy.REQUIRED);
    meister = Meister.open(cfg, dir.resolve("meister.db"), clock);
    PrintStream out = new PrintStream(screen, true, StandardCharsets.UTF_8);
    port = new ConsoleChatPort(out, cfg.team(), ids);
    runtime = new BotRuntime(meister, List.of(port), clock, wait -> {});
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

  @Test
  void the_last_committers_of_the_failing_test_file_and_the_runs_author_are_named_under_the_alert()
      throws Exception {
    Instant t = clock.instant();
    github.commit("acme/widgets", TEST_FILE, "alice-gh", "Alice Doe", t.minus(Duration.ofDays(90)));
    github.commit("acme/widgets", TEST_FILE, null, "Zoe Contractor", t.minus(Duration.ofDays(30)));
    github.commit("acme/widgets", TEST_FILE, "bob-gh", "Bob Stone", t.minus(Duration.ofDays(2)));
    github.commit("acme/widgets", "other/file.py", "dan-gh", "Dan", t.minus(Duration.ofDays(1)));

    AlertId alert = fail(42, "Carol Coder");

    ConsoleChatPort.PostedMessage ask = whoToAsk();
    assertThat(ask.text())
        .isEqualTo(
            "Who to ask\n"
                + TEST_FILE
                + ": "
                + mention("bob")
                + ", Zoe Contractor, "
                + mention("alice")
                + "\nCommit author of the run: "
                + mention("carol"));
    assertThat(github.received("GET", "/api/v3/repos/acme/widgets/commits"))
        .singleElement()
        .satisfies(r -> assertThat(r.path()).endsWith("/commits"));
    assertThat(meister.storage().messageLinks().messagesFor(alert)).hasSize(1);
  }

  @Test
  void a_commit_author_outside_the_team_is_named_as_github_gave_it() throws Exception {
    github.commit("acme/widgets", TEST_FILE, "dan-gh", "Dan", clock.instant());

    fail(43, "Matthias Fax");

    assertThat(whoToAsk().text())
        .isEqualTo("Who to ask\n" + TEST_FILE + ": dan-gh\nCommit author of the run: Matthias Fax");
  }

  @Test
  void without_commits_for_the_files_and_an_author_outside_the_team_nothing_is_added()
      throws Exception {
    // The alert itself names the commit's author already.
    fail(45, "Matthias Fax");

    assertThat(port.posted()).noneMatch(p -> p.text().startsWith("Who to ask"));
    assertThat(github.received("GET", "/api/v3/repos/acme/widgets/commits")).hasSize(1);
  }

  @Test
  void assign_in_reply_to_the_filed_answer_assigns_the_issue_on_github() throws Exception {
    AlertId alert = fail(44, "Carol Coder");
    say(">" + messageOf(alert) + " /issue");
    ConsoleChatPort.PostedMessage filed =
        port.posted().stream()
            .filter(p -> p.text().contains("Filed #9110"))
            .findFirst()
            .orElseThrow();

    say(">" + filed.ref().messageId() + " /assign alice");

    assertThat(github.assignees("acme/issues", 9110)).contains("alice-gh");
    assertThat(screen.toString(StandardCharsets.UTF_8))
        .contains(
            "Assigned acme/issues#9110 to Alice Doe (alice-gh):"
                + " https://github.com/acme/issues/issues/9110");
  }

  private String mention(String member) {
    return dev.meister.core.chat.RichText.builder()
        .mention(dev.meister.core.team.MemberId.of(member))
        .build()
        .plainText();
  }

  private ConsoleChatPort.PostedMessage whoToAsk() {
    return port.posted().stream()
        .filter(p -> p.text().startsWith("Who to ask"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no who-to-ask reply in " + port.posted()));
  }

  private void say(String line) throws Exception {
    session.run(new BufferedReader(new StringReader(line + "\n")));
    settle();
  }

  private void settle() {
    runtime.worker().deliverDue();
    runtime.filing().processDue();
    runtime.worker().deliverDue();
  }

  private String messageOf(AlertId id) {
    return meister.storage().messageLinks().messagesFor(id).get(0).messageId();
  }

  private AlertId fail(long run, String author) throws Exception {
    github.run(
        run,
        List.of(
            new FakeGitHub.Job(
                run * 10,
                "run_fast_tests",
                "failure",
                "Run fast tests",
                Files.readString(LOGS.resolve("pytest-one-root-cause.failure.log")))));
    clock.advance(Duration.ofMinutes(5));
    GitHubRun r =
        GitHubRun.builder("acme/widgets")
            .branch("master")
            .event("push")
            .workflowName("Fast tests")
            .workflowPath(".github/workflows/fast_tests.yml")
            .runId(run)
            .runNumber(Integer.valueOf("1" + run))
            .runUrl("https://github.com/acme/widgets/actions/runs/" + run)
            .headSha("6113728f27ae82c7b1a177c8d03f9e96e0adf246")
            .commitAuthor(author)
            .build();
    AlertId id =
        runtime
            .sink()
            .accept(new RunEvent("github:delivery-" + run, Outcome.FAILED, clock.instant(), r))
            .alertId()
            .orElseThrow();
    settle();
    settle();
    return id;
  }
}
