package dev.meister.bot.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meister.bot.config.ConfigLoader;
import dev.meister.bot.config.MeisterConfig;
import dev.meister.bot.config.SecretPolicy;
import dev.meister.bot.console.ConsoleChatPort;
import dev.meister.bot.console.ConsoleSession;
import dev.meister.bot.github.FakeGitHub;
import dev.meister.bot.github.GitHubClient;
import dev.meister.core.alert.AirflowTask;
import dev.meister.core.alert.GitHubRun;
import dev.meister.core.alert.Outcome;
import dev.meister.core.alert.RunEvent;
import dev.meister.core.buildhint.BuildHints;
import dev.meister.core.chat.AlertId;
import dev.meister.core.filing.Csv;
import dev.meister.core.filing.FilingWorker;
import dev.meister.core.filing.IssueFiler;
import dev.meister.core.filing.IssueLink;
import dev.meister.core.lease.Lease;
import dev.meister.storage.Storage;
import dev.meister.testing.MutableClock;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Issue filing end to end: alerts through the real runtime into SQLite and the outbox, a person in
 * the console chat replying /issue or pressing buttons, and a fake GitHub API on loopback.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class FilingFlowTest {
  /** Copies of shared/fixtures/github/logs, on the test classpath. */
  private static final Path LOGS =
      Path.of(
          java.net.URI.create(
              java.util.Objects.requireNonNull(
                      FilingFlowTest.class.getResource("/fixtures/github/logs/"))
                  .toString()));

  @TempDir Path dir;
  private FakeGitHub github;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T09:00:00Z"));
  private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
  private final AtomicLong ids = new AtomicLong();
  private Path config;
  private Map<String, String> env;
  private Meister meister;
  private BotRuntime runtime;
  private ConsoleChatPort port;
  private ConsoleSession session;
  private final List<java.time.Duration> slept = new java.util.ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    github = new FakeGitHub();
    github.issue("acme/issues", 100, "Epic: keep the builds green", true);
    config = dir.resolve("meister.yml");
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
          - name: nightly
            match: { source: github, repo: acme/nightly }
            rotation: buildmeister
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
          epic: 100
          labels: [bug]
          priority: P2
          rotations:
            buildmeister: { labels: [build], confirm_priority: true }
          routes:
            nightly: { labels: [nightly], priority: P4 }
          reasons:
            - Merged a branch with broken tests
            - Underlying data changed
        """
            .formatted(dir.resolve("meister.db"), github.apiUrl()));
    env = Map.of("GITHUB_TOKEN", "ghp_test");
    MeisterConfig cfg = new ConfigLoader(env).load(config, SecretPolicy.REQUIRED);
    meister = Meister.open(cfg, dir.resolve("meister.db"), clock);
    PrintStream out = new PrintStream(screen, true, StandardCharsets.UTF_8);
    port = new ConsoleChatPort(out, cfg.team(), ids);
    runtime = new BotRuntime(meister, List.of(port), clock, slept::add);
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

  private void say(String line) throws Exception {
    session.run(new BufferedReader(new StringReader(line + "\n")));
    settle();
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

  /** A failed build of run {@code run}, whose failed job logged {@code log}. */
  private AlertId fail(long run, String log) throws Exception {
    return fail(run, log, "acme/widgets");
  }

  private AlertId fail(long run, String log, String repo) throws Exception {
    github.run(
        run,
        List.of(
            new FakeGitHub.Job(
                run * 10,
                "run_fast_tests",
                "failure",
                "Run fast tests",
                Files.readString(LOGS.resolve(log))),
            new FakeGitHub.Job(run * 10 + 1, "lint", "success", null, null)));
    clock.advance(java.time.Duration.ofMinutes(5));
    GitHubRun a =
        GitHubRun.builder(repo)
            .branch("master")
            .event("push")
            .workflowName("Fast tests")
            .workflowPath(".github/workflows/fast_tests.yml")
            .runId(run)
            .runNumber(Integer.valueOf("1" + run))
            .runUrl("https://github.com/acme/widgets/actions/runs/" + run)
            .headSha("6113728f27ae82c7b1a177c8d03f9e96e0adf246")
            .commitAuthor("Carol Coder")
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

  /** The console number of the message posted for alert {@code id}. */
  private String messageOf(AlertId id) {
    return meister.storage().messageLinks().messagesFor(id).get(0).messageId();
  }

  private JsonNode onlyCreatedIssue() {
    List<FakeGitHub.Received> created = github.received("POST", "/api/v3/repos/acme/issues/issues");
    assertThat(created).hasSize(1);
    return created.get(0).json();
  }

  /**
   * The filing worker of an instance that believes it leads, over transactions fenced by {@code
   * lease}: as the composition root builds it for several instances on one database.
   */
  private FilingWorker leaderWorker(Lease lease) {
    Storage storage = meister.storage();
    MeisterConfig cfg = meister.config();
    IssueFiler filer =
        new IssueFiler(
            GitHubClient.create(github.apiUrl(), "ghp_test", clock, d -> {}),
            cfg.github().filingRules(),
            storage.filedIssues(),
            storage.alerts(),
            cfg.team(),
            meister.directory(),
            clock);
    return new FilingWorker(
        storage.issueRequests(),
        storage.alerts(),
        storage.issueLinks(),
        storage.messageLinks(),
        filer,
        storage.outbox(),
        storage.fencedBy(() -> Optional.of(lease)),
        clock,
        BuildHints.none(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  @Test
  void a_leader_deposed_while_filing_records_nothing_and_the_new_leader_joins_the_issue_it_filed()
      throws Exception {
    AlertId alert = fail(42, "pytest-one-root-cause.failure.log");
    // Queued, not yet worked on: the bot's own (single-instance) worker is not asked here.
    session.run(new BufferedReader(new StringReader(">" + messageOf(alert) + " /issue\n")));
    Lease a = meister.storage().leases().take("a", Optional.empty(), Duration.ofMinutes(1)).get();
    meister.storage().leases().release(a);
    Lease b = meister.storage().leases().take("b", Optional.empty(), Duration.ofMinutes(1)).get();

    // a was paused past its lease and b took over; a wakes and files before it notices.
    assertThat(leaderWorker(a).processDue()).isZero();

    assertThat(github.received("POST", "/api/v3/repos/acme/issues/issues")).hasSize(1);
    assertThat(meister.storage().issueLinks().issueFor(alert))
        .as("the deposed leader links nothing")
        .isEmpty();
    assertThat(leaderWorker(b).processDue()).isEqualTo(1);
    runtime.worker().deliverDue();

    assertThat(github.received("POST", "/api/v3/repos/acme/issues/issues"))
        .as("the issue a filed is found and joined, not filed again")
        .hasSize(1);
    assertThat(github.received("POST", ".*/issues/9110/comments")).hasSize(1);
    assertThat(meister.storage().issueLinks().issuesFor(alert))
        .extracting(l -> l.issue().number())
        .containsExactly(9110);
    assertThat(screen().lines().filter(l -> l.contains("#9110"))).hasSize(1);
  }

  @Test
  void an_alert_of_a_route_with_its_own_rule_is_filed_with_that_routes_labels_and_priority()
      throws Exception {
    AlertId alert = fail(43, "pytest-one-root-cause.failure.log", "acme/nightly");

    say(">" + messageOf(alert) + " /issue");

    assertThat(onlyCreatedIssue().path("labels").toString())
        .isEqualTo("[\"bug\",\"build\",\"nightly\",\"P4\"]");
  }

  @Test
  void replying_issue_to_an_alert_files_it_with_tests_trace_labels_epic_and_assignee()
      throws Exception {
    AlertId alert = fail(42, "pytest-one-root-cause.failure.log");

    say(">" + messageOf(alert) + " /issue");

    JsonNode issue = onlyCreatedIssue();
    assertThat(issue.path("title").asText()).isEqualTo("Build fail - widgets fast (142)");
    assertThat(issue.path("labels").toString()).isEqualTo("[\"bug\",\"build\",\"P2\"]");
    assertThat(issue.path("body").asText())
        .contains("**Failing run:** https://github.com/acme/widgets/actions/runs/42")
        .contains("- `knowledge_graph/vendors/test/test_utils.py::TestClean::test_clean`")
        .contains("```\n_________________________ TestClean.test_clean")
        .contains("E   KeyError: \"['legacy_id'] not found in axis\"\n```")
        .contains("**Branch:** `master`")
        .contains("**Commit:** 6113728 by Carol Coder")
        .contains("**On call:** @bob-gh")
        .contains("@alice-gh please confirm the priority (P2).");
    assertThat(github.issue("acme/issues", 9110).path("assignees").findValuesAsText("login"))
        .containsExactly("bob-gh");
    assertThat(
            github
                .received("POST", ".*/issues/100/sub_issues")
                .get(0)
                .json()
                .path("sub_issue_id")
                .asLong())
        .isEqualTo(2_000_009_110L);
    assertThat(screen())
        .contains(
            "↳ #"
                + messageOf(alert)
                + " 📝 Filed #9110"
                + " (https://github.com/acme/issues/issues/9110): Build fail - widgets fast (142)");
    assertThat(meister.storage().issueLinks().issueFor(alert))
        .map(IssueLink::issue)
        .hasValueSatisfying(i -> assertThat(i.number()).isEqualTo(9110));
    // The weekend hand-off sorts open issues by this priority.
    assertThat(meister.storage().filedIssues().find("acme/issues", 9110).orElseThrow().priority())
        .isEqualTo("P2");
  }

  @Test
  void the_same_failing_tests_again_comment_on_the_open_issue_instead_of_filing_another()
      throws Exception {
    AlertId first = fail(42, "pytest-one-root-cause.failure.log");
    say(">" + messageOf(first) + " /issue");
    AlertId second = fail(43, "pytest-one-root-cause.failure.log");

    say(">" + messageOf(second) + " /issue");

    onlyCreatedIssue();
    List<FakeGitHub.Received> comments = github.received("POST", ".*/issues/9110/comments");
    assertThat(comments).hasSize(1);
    assertThat(comments.get(0).json().path("body").asText())
        .startsWith(
            "Same failure in run https://github.com/acme/widgets/actions/runs/43"
                + " (2026-11-25 09:10 UTC, branch `master`)");
    assertThat(screen()).contains("📝 Same as #9110");
    assertThat(meister.storage().issueLinks().issueFor(second).orElseThrow().filed()).isFalse();
    assertThat(meister.storage().alerts().find(second).orElseThrow().fingerprint())
        .isEqualTo(meister.storage().alerts().find(first).orElseThrow().fingerprint());
  }

  @Test
  void unconnected_failures_of_one_workflow_get_separate_issues() throws Exception {
    // Seed 002: "If the failures are not connected to each other, file separate issues for each
    // of the potential root cause."
    AlertId first = fail(42, "pytest-one-root-cause.failure.log");
    say(">" + messageOf(first) + " /issue");
    AlertId second = fail(43, "maven-surefire.failure.log");

    say(">" + messageOf(second) + " /issue");

    List<FakeGitHub.Received> created = github.received("POST", ".*/acme/issues/issues");
    assertThat(created).hasSize(3);
    assertThat(created.get(1).json().path("body").asText())
        .contains("- `com.example.billing.InvoiceTest.roundsHalfEven`");
    assertThat(github.received("POST", ".*/comments")).isEmpty();
    assertThat(screen())
        .contains("📝 Filed #9110")
        .contains("• Filed #9111")
        .contains("• Filed #9112");
  }

  @Test
  void failures_of_two_root_causes_are_filed_as_two_issues_answered_in_one_message()
      throws Exception {
    // Seed 002: "If the failures are not connected to each other, file separate issues for each
    // of the potential root cause. Keep issues grouped according to the codebase organization."
    AlertId alert = fail(42, "maven-surefire.failure.log");

    say(">" + messageOf(alert) + " /issue");

    List<FakeGitHub.Received> created = github.received("POST", ".*/acme/issues/issues");
    assertThat(created)
        .extracting(c -> c.json().path("title").asText())
        .containsExactly(
            "Build fail - widgets fast (142) - com.example.billing AssertionFailedError",
            "Build fail - widgets fast (142) - com.example.billing NullPointerException");
    assertThat(created.get(0).json().path("body").asText())
        .contains("- `com.example.billing.InvoiceTest.roundsHalfEven`")
        .doesNotContain("parsesCurrency")
        .contains("expected: <10.02> but was: <10.03>");
    assertThat(created.get(1).json().path("body").asText())
        .contains("- `com.example.billing.InvoiceTest.parsesCurrency`")
        .doesNotContain("roundsHalfEven")
        .contains("java.lang.NullPointerException: Cannot invoke");
    List<ConsoleChatPort.PostedMessage> answers =
        port.posted().stream().filter(p -> p.text().contains("Filed #")).toList();
    assertThat(answers).hasSize(1);
    assertThat(answers.get(0).text())
        .startsWith("📝 2 root causes: 2 filed, 0 already open.")
        .contains("• Filed #9110 (https://github.com/acme/issues/issues/9110)")
        .contains("• Filed #9111 (https://github.com/acme/issues/issues/9111)");
    assertThat(meister.storage().issueLinks().issuesFor(alert))
        .extracting(l -> l.issue().number())
        .containsExactly(9110, 9111);
  }

  @Test
  void a_later_run_whose_failure_falls_in_an_open_group_joins_that_issue_by_comment()
      throws Exception {
    // Seed 002: "Keep issues grouped according to the codebase organization": the vendors
    // failure already has #9110; the run's two new root causes get issues of their own.
    AlertId first = fail(42, "pytest-one-root-cause.failure.log");
    say(">" + messageOf(first) + " /issue");
    AlertId later = fail(43, "pytest-fast-tests.failure.log");

    assertThat(screen())
        .contains(
            "📝 Looks like #9110 (https://github.com/acme/issues/issues/9110)"
                + " (knowledge_graph/vendors); new: knowledge_graph/vendors/nbsc,"
                + " automl/hypotheses.");
    say(">" + messageOf(later) + " /issue");

    List<FakeGitHub.Received> comments = github.received("POST", ".*/issues/9110/comments");
    assertThat(comments).hasSize(1);
    assertThat(comments.get(0).json().path("body").asText())
        .startsWith(
            "Same failure in run https://github.com/acme/widgets/actions/runs/43"
                + " (2026-11-25 09:10 UTC, branch `master`)")
        .contains("- `knowledge_graph/vendors/test/test_utils.py::TestClean::test_clean`")
        .doesNotContain("automl");
    assertThat(github.received("POST", ".*/acme/issues/issues"))
        .extracting(c -> c.json().path("title").asText())
        .containsExactly(
            "Build fail - widgets fast (142)",
            "Build fail - widgets fast (143) - knowledge_graph/vendors/nbsc",
            "Build fail - widgets fast (143) - automl/hypotheses");
    assertThat(screen())
        .contains("📝 3 root causes: 2 filed, 1 already open.")
        .contains("• Same as #9110");
  }

  @Test
  void the_looks_like_hint_names_the_issue_of_each_group_and_same_as_comments_on_each()
      throws Exception {
    AlertId first = fail(42, "pytest-fast-tests.failure.log");
    say(">" + messageOf(first) + " /issue");
    AlertId later = fail(43, "pytest-fast-tests.failure.log");

    ConsoleChatPort.PostedMessage hint =
        port.posted().stream()
            .filter(p -> p.text().contains("Looks like"))
            .findFirst()
            .orElseThrow();
    assertThat(hint.text())
        .isEqualTo(
            "📝 Looks like #9110 (https://github.com/acme/issues/issues/9110)"
                + " (knowledge_graph/vendors), #9111 (https://github.com/acme/issues/issues/9111)"
                + " (knowledge_graph/vendors/nbsc) and #9112"
                + " (https://github.com/acme/issues/issues/9112) (automl/hypotheses):"
                + " the same failures.");
    assertThat(hint.buttons())
        .extracting(b -> b.label())
        .containsExactly("Same as #9110, #9111, #9112");
    say("!" + hint.ref().messageId() + " same");

    for (int n : List.of(9110, 9111, 9112)) {
      assertThat(github.received("POST", ".*/issues/" + n + "/comments"))
          .singleElement()
          .satisfies(
              c ->
                  assertThat(c.json().path("body").asText())
                      .startsWith(
                          "Same failure in run https://github.com/acme/widgets/actions/runs/43"));
    }
    assertThat(meister.storage().issueLinks().issuesFor(later)).hasSize(3);
    assertThat(github.received("POST", ".*/acme/issues/issues")).hasSize(3);
  }

  @Test
  void github_refusing_is_said_in_the_chat_and_the_alert_can_be_filed_again() throws Exception {
    AlertId alert = fail(42, "pytest-one-root-cause.failure.log");
    github.failNext(
        "POST",
        ".*/acme/issues/issues",
        FakeGitHub.error(403, "Resource not accessible by personal access token"));

    say(">" + messageOf(alert) + " /issue");

    assertThat(screen())
        .contains(
            "Could not file the issue: GitHub refused (403): Resource not"
                + " accessible by personal access token. Nothing is lost: the alert is unchanged;"
                + " fix that and send /issue again.");
    assertThat(meister.storage().issueLinks().issueFor(alert)).isEmpty();

    say(">" + messageOf(alert) + " /issue");

    assertThat(screen()).contains("📝 Filed #9110");
    assertThat(meister.storage().issueLinks().issueFor(alert)).isPresent();
  }

  @Test
  void github_being_down_keeps_the_request_until_it_answers() throws Exception {
    AlertId alert = fail(42, "pytest-one-root-cause.failure.log");
    for (int i = 0; i < 4; i++) {
      github.failNext("GET", ".*/actions/runs/42/jobs", FakeGitHub.error(502, "Bad Gateway"));
    }

    say(">" + messageOf(alert) + " /issue");

    assertThat(screen()).doesNotContain("Filed #").doesNotContain("Could not");
    clock.advance(java.time.Duration.ofSeconds(5));
    settle();
    assertThat(screen()).contains("📝 Filed #9110");
  }

  @Test
  void the_file_issue_button_files_then_goes_away_and_asking_again_says_it_is_filed()
      throws Exception {
    AlertId alert = fail(42, "pytest-one-root-cause.failure.log");
    assertThat(port.find(messageOf(alert)).orElseThrow().buttons())
        .extracting(b -> b.label())
        .containsExactly("👀 Looking", "📝 File issue");

    say("!" + messageOf(alert) + " issue");
    // The alert now says where it was filed and offers no second filing.
    assertThat(port.find(messageOf(alert)).orElseThrow().buttons())
        .extracting(b -> b.label())
        .containsExactly("👀 Looking");
    say(">" + messageOf(alert) + " /issue");

    assertThat(screen())
        .contains("(Filing an issue for alert #" + alert + "…)")
        .contains("📝 Filed #9110")
        .contains(
            "Alert #"
                + alert
                + " is already linked to acme/issues#9110:"
                + " https://github.com/acme/issues/issues/9110");
    onlyCreatedIssue();
  }

  @Test
  void issue_with_a_number_links_the_alert_and_comments_with_the_run() throws Exception {
    github.issue("acme/issues", 77, "Fast tests flaky since Monday", true);
    AlertId alert = fail(42, "pytest-one-root-cause.failure.log");

    say(">" + messageOf(alert) + " /issue 77");

    assertThat(github.received("POST", ".*/issues/77/comments").get(0).json().path("body").asText())
        .contains("https://github.com/acme/widgets/actions/runs/42");
    assertThat(screen())
        .contains(
            "📝 Same as #77 (https://github.com/acme/issues/issues/77)"
                + " (Fast tests flaky since Monday): linked, and this run is noted there.");
    assertThat(github.received("POST", ".*/acme/issues/issues")).isEmpty();
  }

  @Test
  void a_later_alert_with_a_filed_root_cause_says_looks_like_and_offers_same_as() throws Exception {
    // A job-level alert's fingerprint is complete at intake: the failing job names the failure.
    github.run(50, List.of());
    AlertId first = jobFailure(50, "build");
    say(">" + messageOf(first) + " /issue");
    assertThat(screen()).contains("📝 Filed #9110");

    AlertId second = jobFailure(51, "build");

    ConsoleChatPort.PostedMessage posted = port.find(messageOf(second)).orElseThrow();
    assertThat(posted.text()).contains("📝 Looks like #9110");
    assertThat(posted.buttons()).extracting(b -> b.label()).contains("Same as #9110");
    say("!" + messageOf(second) + " same");
    assertThat(github.received("POST", ".*/issues/9110/comments")).hasSize(1);
    assertThat(meister.storage().issueLinks().issueFor(second)).isPresent();
  }

  @Test
  void a_new_build_failure_whose_logs_show_a_filed_root_cause_is_told_looks_like()
      throws Exception {
    AlertId first = fail(42, "pytest-one-root-cause.failure.log");
    say(">" + messageOf(first) + " /issue");

    AlertId second = fail(43, "pytest-one-root-cause.failure.log");
    AlertId third = fail(44, "maven-surefire.failure.log");

    assertThat(screen())
        .containsOnlyOnce("📝 Looks like #9110")
        .contains(
            "↳ #"
                + messageOf(second)
                + " 📝 Looks like #9110"
                + " (https://github.com/acme/issues/issues/9110) (Build fail - widgets fast (142)):"
                + " the same failures.");
    ConsoleChatPort.PostedMessage hint =
        port.posted().stream()
            .filter(p -> p.text().contains("Looks like"))
            .findFirst()
            .orElseThrow();
    assertThat(hint.buttons())
        .extracting(b -> b.action().payload())
        .containsExactly(second + ":9110");
    say("!" + hint.ref().messageId() + " same");
    assertThat(github.received("POST", ".*/issues/9110/comments")).hasSize(1);
    assertThat(meister.storage().issueLinks().issueFor(second)).isPresent();
    assertThat(meister.storage().issueLinks().issueFor(third)).isEmpty();
  }

  @Test
  void people_outside_the_team_cannot_file_issues() throws Exception {
    AlertId alert = fail(42, "pytest-one-root-cause.failure.log");
    dev.meister.core.team.Member eve =
        new dev.meister.core.team.Member(
            dev.meister.core.team.MemberId.of("eve"),
            "Eve",
            dev.meister.core.team.ChatIdentities.none(),
            null,
            java.util.Set.of());
    ConsoleSession outsider =
        new ConsoleSession(
                runtime.dispatcher(),
                eve,
                ids,
                new PrintStream(screen, true, StandardCharsets.UTF_8))
            .resolvingMessagesWith(port);

    outsider.run(
        new BufferedReader(
            new StringReader(
                "!" + messageOf(alert) + " issue\n>" + messageOf(alert) + " /issue\n")));
    settle();

    assertThat(screen())
        .contains("(Only members of the team can file issues.)")
        .contains("Sorry, only members of the team can use /issue.");
    assertThat(github.received("POST", ".*/issues")).isEmpty();
  }

  @Test
  void assign_during_a_github_outage_is_queued_and_done_once_github_answers() throws Exception {
    AlertId alert = fail(42, "pytest-one-root-cause.failure.log");
    say(">" + messageOf(alert) + " /issue");
    // More 503s than the client retries within one call: the request itself must wait.
    for (int i = 0; i < 5; i++) {
      github.failNext("POST", ".*/issues/9110/assignees", FakeGitHub.error(503, "Unavailable"));
    }

    say(">" + messageOf(alert) + " /assign @alice");

    assertThat(screen())
        .contains("(Assigning acme/issues#9110 to Alice Doe (alice-gh)…)")
        .doesNotContain("Assigned acme/issues#9110");
    clock.advance(java.time.Duration.ofMinutes(5));
    settle();

    assertThat(screen()).containsOnlyOnce("Assigned acme/issues#9110 to Alice Doe (alice-gh)");
    assertThat(github.issue("acme/issues", 9110).path("assignees").findValuesAsText("login"))
        .contains("alice-gh");
  }

  @Test
  void without_sub_issues_the_issue_says_part_of_the_epic_and_the_epic_gets_a_comment()
      throws Exception {
    AlertId alert = fail(42, "pytest-one-root-cause.failure.log");
    github.failNext("POST", ".*/issues/100/sub_issues", FakeGitHub.error(404, "Not Found"));
    github.failNext(
        "POST",
        ".*/issues/9110/assignees",
        new FakeGitHub.Scripted(
            422,
            Map.of(),
            "{\"message\":\"Validation Failed\",\"errors\":[{\"resource\":\"Issue\","
                + "\"code\":\"invalid\",\"field\":\"assignees\"}]}"));

    say(">" + messageOf(alert) + " /issue");

    assertThat(github.issue("acme/issues", 9110).path("body").asText())
        .endsWith("\nPart of #100\n");
    assertThat(
            github.received("POST", ".*/issues/100/comments").get(0).json().path("body").asText())
        .isEqualTo("Sub-issue: #9110 Build fail - widgets fast (142)");
    assertThat(screen())
        .contains("📝 Filed #9110")
        .contains(
            "⚠️ assigning bob-gh failed: GitHub refused (422): Validation Failed:"
                + " assignees invalid");
  }

  @Test
  void an_airflow_failure_is_filed_with_its_template_exception_and_notebook() throws Exception {
    AlertId alert =
        runtime
            .sink()
            .accept(
                new RunEvent(
                    "airflow:bid_ask/r1/download/1",
                    Outcome.FAILED,
                    clock.instant(),
                    AirflowTask.builder("bid_ask")
                        .dagRunId("r1")
                        .taskId("download")
                        .logicalDate("2026-11-25T03:00:00+00:00")
                        .airflowUrl("https://airflow.example.com")
                        .airflowVersion("3.0.2")
                        .tryNumber(2)
                        .logUrl("https://airflow.example.com/log?try=2")
                        .exception(
                            "Traceback (most recent call last):\n  File \"x.py\","
                                + " line 3\nKeyError: 'ask'")
                        .notebookUrl("https://notebooks.example.com/qa/bid_ask.ipynb")
                        .build()))
            .alertId()
            .orElseThrow();
    settle();

    say(">" + messageOf(alert) + " /issue");

    JsonNode issue = onlyCreatedIssue();
    assertThat(issue.path("title").asText())
        .isEqualTo("DAG fail - bid_ask.download (2026-11-25 03:00 UTC)");
    assertThat(issue.path("body").asText())
        // Seed 000: "Paste the URL of the failing run", "Paste the link of QA notebook".
        .contains("**Failing DAG run:** https://airflow.example.com/dags/bid_ask/runs/r1")
        .contains("**Airflow log:** https://airflow.example.com/log?try=2")
        .contains("**QA notebook:** https://notebooks.example.com/qa/bid_ask.ipynb")
        .contains(
            "```\nTraceback (most recent call last):\n  File \"x.py\", line 3\n"
                + "KeyError: 'ask'\n```");
    assertThat(github.received("GET", ".*/actions/.*")).isEmpty();
  }

  @Test
  void a_signed_workflow_run_webhook_is_filed_from_its_real_payload() throws Exception {
    github.run(
        289782451L,
        List.of(
            new FakeGitHub.Job(
                5,
                "test",
                "failure",
                "Run mvn",
                Files.readString(LOGS.resolve("maven-surefire.failure.log")))));
    runtime.start(
        Start.none()
            .withWebhooks(
                new dev.meister.bot.config.ServerConfig(
                    "127.0.0.1",
                    0,
                    dev.meister.bot.config.Secret.of("hook-secret"),
                    dev.meister.bot.config.Secret.absent(),
                    false)));
    var webhooks = runtime.webhooks().orElseThrow();
    com.fasterxml.jackson.databind.ObjectMapper json =
        new com.fasterxml.jackson.databind.ObjectMapper();
    com.fasterxml.jackson.databind.node.ObjectNode root;
    try (var in =
        FilingFlowTest.class.getResourceAsStream("/fixtures/github/workflow_run.completed.json")) {
      root =
          (com.fasterxml.jackson.databind.node.ObjectNode)
              json.readTree(java.util.Objects.requireNonNull(in).readAllBytes());
    }
    ((com.fasterxml.jackson.databind.node.ObjectNode) root.get("workflow_run"))
        .put("conclusion", "failure");
    byte[] body = json.writeValueAsBytes(root);
    javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
    mac.init(
        new javax.crypto.spec.SecretKeySpec(
            "hook-secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    var response =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(
                            "http://127.0.0.1:" + webhooks.port() + "/hooks/github"))
                    .header("Content-Type", "application/json")
                    .header("X-GitHub-Event", "workflow_run")
                    .header("X-GitHub-Delivery", "d-real-1")
                    .header(
                        "X-Hub-Signature-256",
                        "sha256=" + java.util.HexFormat.of().formatHex(mac.doFinal(body)))
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body))
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(202);
    settle();
    AlertId alert =
        meister.storage().alerts().findByDedupKey("github:d-real-1").orElseThrow().storedId();

    say(">" + messageOf(alert) + " /issue");

    assertThat(
            github.received("GET", "/api/v3/repos/octo-org/octo-repo/actions/runs/289782451/jobs"))
        .isNotEmpty();
    List<FakeGitHub.Received> created = github.received("POST", "/api/v3/repos/acme/issues/issues");
    assertThat(created).hasSize(2);
    JsonNode issue = created.get(1).json();
    assertThat(issue.path("title").asText())
        .isEqualTo("Build fail - octo-repo test (163) - com.example.billing NullPointerException");
    assertThat(issue.path("body").asText())
        .contains("https://github.com/octo-org/octo-repo/actions/runs/289782451")
        .contains("- `com.example.billing.InvoiceTest.parsesCurrency`");
    assertThat(screen()).contains("• Filed #9110").contains("• Filed #9111");
  }

  private AlertId jobFailure(long run, String job) {
    clock.advance(java.time.Duration.ofMinutes(5));
    github.run(run, List.of());
    AlertId id =
        runtime
            .sink()
            .accept(
                new RunEvent(
                    "github:job-" + run,
                    Outcome.FAILED,
                    clock.instant(),
                    GitHubRun.builder("acme/widgets")
                        .job(job)
                        .workflowName("Build")
                        .runId(run)
                        .runUrl("https://github.com/acme/widgets/actions/runs/" + run)
                        .build()))
            .alertId()
            .orElseThrow();
    settle();
    return id;
  }

  @Test
  void a_later_successful_run_says_green_again_under_the_failure_once() throws Exception {
    AlertId alert = fail(42, "pytest-one-root-cause.failure.log");
    clock.advance(java.time.Duration.ofMinutes(30));
    RunEvent success =
        new RunEvent(
            "github:ok-1",
            Outcome.SUCCEEDED,
            clock.instant(),
            GitHubRun.builder("acme/widgets")
                .branch("master")
                .workflowName("Fast tests")
                .workflowPath(".github/workflows/fast_tests.yml")
                .runNumber(144)
                .runUrl("https://github.com/acme/widgets/actions/runs/44")
                .build());

    runtime.sink().accept(success);
    settle();
    runtime
        .sink()
        .accept(new RunEvent("github:ok-2", Outcome.SUCCEEDED, clock.instant(), success.origin()));
    settle();

    assertThat(screen()).containsOnlyOnce("🟢 Green again");
    assertThat(screen())
        .contains(
            "↳ #"
                + messageOf(alert)
                + " 🟢 Green again: Fast tests on"
                + " master passed (run #144 (https://github.com/acme/widgets/actions/runs/44)).");
  }

  @Test
  void resolve_in_reply_to_the_filed_issue_message_logs_its_alert_and_an_ack_leaves_that_message()
      throws Exception {
    AlertId alert = fail(42, "pytest-one-root-cause.failure.log");
    say(">" + messageOf(alert) + " /issue");
    ConsoleChatPort.PostedMessage filed =
        port.posted().stream()
            .filter(p -> p.text().startsWith("📝 Filed #9110"))
            .findFirst()
            .orElseThrow();
    String alertText = port.find(messageOf(alert)).orElseThrow().text();

    say(">" + filed.ref().messageId() + " /resolve 1 | Problem solved");
    say("/postmortem 1");
    say("/ack " + alert);

    assertThat(screen())
        .contains(
            "Logged for alert #"
                + alert
                + ": Merged a branch with broken tests → Problem"
                + " solved")
        .contains("Post-mortem log (last 1)")
        .contains("#" + alert + " Build fail - widgets fast (142)")
        .contains("Merged a branch with broken tests → Problem solved");
    assertThat(meister.storage().resolutions().resolutionOf(alert).orElseThrow().solution())
        .isEqualTo("Problem solved");
    // The ack edited the alert's own message, not the issue answer under it.
    assertThat(port.find(messageOf(alert)).orElseThrow().text()).isNotEqualTo(alertText);
    assertThat(port.find(filed.ref().messageId()).orElseThrow().text()).isEqualTo(filed.text());
  }

  @Test
  void resolve_fills_the_log_that_postmortem_top_and_the_csv_export_show() throws Exception {
    AlertId first = fail(42, "pytest-one-root-cause.failure.log");
    say(">" + messageOf(first) + " /issue");
    AlertId second = fail(43, "pytest-one-root-cause.failure.log");
    say(">" + messageOf(second) + " /issue");
    fail(44, "maven-surefire.failure.log");

    say(">" + messageOf(first) + " /resolve 1 | Tests disabled, \"for now\"");
    say("/resolve #" + second + " underlying | Problem solved");
    say("/resolve #" + second + " cosmic rays | x");
    say("/postmortem 2");
    say("/top 7");

    assertThat(screen())
        .contains(
            "Logged for alert #"
                + first
                + ": Merged a branch with broken tests → Tests"
                + " disabled, \"for now\"")
        .contains("'cosmic rays' is not one of the reasons.")
        .contains("Post-mortem log (last 2)")
        .contains("Underlying data changed → Problem solved")
        .contains("1. 2× Build fail - widgets fast (143) · #9110")
        .contains("2. 1× Build fail - widgets fast (144)");

    runtime.close();
    meister.close();
    StringWriter out = new StringWriter();
    CommandLine cli = Main.commandLine(env);
    cli.setOut(new PrintWriter(out));
    int code = cli.execute("postmortem", "--csv", "--config", config.toString());
    meister =
        Meister.open(
            new ConfigLoader(env).load(config, SecretPolicy.REQUIRED),
            dir.resolve("meister.db"),
            clock);
    runtime = new BotRuntime(meister, List.of(port), clock, slept::add);

    assertThat(code).isZero();
    List<List<String>> rows = Csv.parse(out.toString());
    assertThat(rows).hasSize(4);
    assertThat(rows.get(0))
        .containsExactly(
            "date",
            "source",
            "repo_or_dag",
            "test_type",
            "title",
            "link",
            "reason",
            "issue",
            "solution",
            "alert",
            "actions");
    assertThat(rows.get(3))
        .containsExactly(
            "2026-11-25 09:05",
            "github",
            "acme/widgets",
            "fast",
            "Build fail - widgets fast (142)",
            "https://github.com/acme/widgets/actions/runs/42",
            "Merged a branch with broken tests",
            "https://github.com/acme/issues/issues/9110",
            "Tests disabled, \"for now\"",
            first.toString(),
            "");
    assertThat(out.toString()).contains("\r\n").contains("\"Tests disabled, \"\"for now\"\"\"");
  }

  /** A clock the test moves forward, so retries fall due without sleeping. */
  private static final class MutableClock extends java.time.Clock {
    private volatile Instant now;

    MutableClock(Instant start) {
      this.now = start;
    }

    void advance(java.time.Duration d) {
      now = now.plus(d);
    }

    @Override
    public java.time.ZoneId getZone() {
      return java.time.ZoneOffset.UTC;
    }

    @Override
    public java.time.Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
