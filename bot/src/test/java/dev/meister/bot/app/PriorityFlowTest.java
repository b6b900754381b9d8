package dev.meister.bot.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meister.bot.config.ConfigLoader;
import dev.meister.bot.config.MeisterConfig;
import dev.meister.bot.config.SecretPolicy;
import dev.meister.bot.console.ConsoleChatPort;
import dev.meister.bot.console.ConsoleSession;
import dev.meister.bot.github.FakeGitHub;
import dev.meister.core.alert.AirflowTask;
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
import java.util.ArrayList;
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
 * Priority end to end on seed 001's scale ({@code priorities: [P4, P3, P2, P1]}): Airflow failures
 * through the real runtime into SQLite, their messages in the console chat, and the priority label
 * of the issues filed on a fake GitHub API on loopback.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PriorityFlowTest {
  @TempDir Path dir;
  private FakeGitHub github;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T09:00:00Z"));
  private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
  private final AtomicLong ids = new AtomicLong();
  private final AtomicLong deliveries = new AtomicLong();
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
        rotations:
          dagmeister:
            name: DagMeister
            zone: Europe/Berlin
            shift: 2w
            handoff: { day: monday, time: "11:00" }
            anchor: 2026-11-16
            roster: [bob, alice]
            chat: console/dags
        priorities: [P4, P3, P2, P1]
        routes:
          - name: airflow-dags
            match: { source: airflow }
            rotation: dagmeister
        priority_rules:
          - { name: tokyo, match: { source: airflow, region: tokyo }, level: P4 }
          - name: tokyo-bid-ask
            match: { source: airflow, region: tokyo, dag: "bid_ask*" }
            tag: [team_lead]
        storage:
          database: %s
        github:
          api_url: %s
          token: ${GITHUB_TOKEN}
          repo: acme/issues
          labels: [bug]
          priority: P2
          rotations:
            dagmeister: { labels: [data-infra], priority: P3 }
        """
            .formatted(dir.resolve("meister.db"), github.apiUrl()));
    MeisterConfig cfg =
        new ConfigLoader(Map.of("GITHUB_TOKEN", "ghp_test")).load(config, SecretPolicy.REQUIRED);
    meister = Meister.open(cfg, dir.resolve("meister.db"), clock);
    PrintStream out = new PrintStream(screen, true, StandardCharsets.UTF_8);
    port = new ConsoleChatPort(out, cfg.team(), ids);
    runtime = new BotRuntime(meister, List.of(port), clock, new ArrayList<Duration>()::add);
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

  // Seed 000: "All the failures from region `tokyo` are of highest priority": filed at the top
  // of the scale, P4, not at the DagMeister's default P3.
  @Test
  void a_tokyo_failure_is_filed_with_the_scales_top_level_not_the_routes_default()
      throws Exception {
    AlertId alert = fail("spot_trades_1m", "tokyo");

    say(">" + messageOf(alert) + " /issue");

    assertThat(onlyCreatedIssue().path("labels").toString())
        .isEqualTo("[\"bug\",\"data-infra\",\"P4\"]");
    assertThat(meister.storage().filedIssues().find("acme/issues", 9110).orElseThrow().priority())
        .isEqualTo("P4");
  }

  @Test
  void a_failure_no_rule_raises_is_filed_with_the_routes_default() throws Exception {
    AlertId alert = fail("spot_trades_1m", "london");

    say(">" + messageOf(alert) + " /issue");

    assertThat(onlyCreatedIssue().path("labels").toString())
        .isEqualTo("[\"bug\",\"data-infra\",\"P3\"]");
  }

  // Seed 000: tokyo failures are "of highest priority", but only "If the break happened in `tokyo`
  // region for `bid_ask` or `OHLCV` DAGs ping the channel by tagging the team leader".
  @Test
  void every_tokyo_failure_says_highest_priority_but_only_bid_ask_tags_the_team_lead()
      throws Exception {
    AlertId other = fail("spot_trades_1m", "tokyo");
    String otherText = screenSince(0);
    int mark = screen().length();
    AlertId bidAsk = fail("bid_ask_1m", "tokyo");
    String bidAskText = screenSince(mark);

    assertThat(otherText).contains("🚨 HIGHEST PRIORITY (P4)\n").doesNotContain("@alice");
    assertThat(bidAskText).contains("🚨 HIGHEST PRIORITY (P4) @alice");
    assertThat(List.of(other, bidAsk)).doesNotHaveDuplicates();
  }

  @Test
  void a_plain_failure_has_no_priority_banner() throws Exception {
    fail("spot_trades_1m", "london");

    assertThat(screen()).doesNotContain("HIGHEST PRIORITY").doesNotContain("@alice");
  }

  // Issue #12: "`/issue P4` (reply to an alert) chooses one explicitly, checked against the
  // scale" — the person's choice wins over the alert's level.
  @Test
  void replying_issue_with_a_level_files_it_at_that_level() throws Exception {
    AlertId alert = fail("spot_trades_1m", "tokyo");

    say(">" + messageOf(alert) + " /issue p3");

    assertThat(screen()).contains("Filing an issue for alert #" + alert + " as P3…");
    assertThat(onlyCreatedIssue().path("labels").toString())
        .isEqualTo("[\"bug\",\"data-infra\",\"P3\"]");
  }

  @Test
  void a_level_off_the_scale_gets_a_one_line_usage_answer_listing_the_scale() throws Exception {
    AlertId alert = fail("spot_trades_1m", "tokyo");
    int mark = screen().length();

    say(">" + messageOf(alert) + " /issue P9");

    assertThat(screenSince(mark).strip())
        .endsWith(
            "'P9' is neither an issue number nor a priority; /issue [N | LEVEL] with a priority"
                + " of P4, P3, P2, P1.")
        .doesNotContain("\n");
    assertThat(github.received("POST", "/api/v3/repos/acme/issues/issues")).isEmpty();
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

  private String screen() {
    return screen.toString(StandardCharsets.UTF_8);
  }

  private String screenSince(int mark) {
    return screen().substring(mark);
  }

  private AlertId fail(String dag, String region) {
    clock.advance(Duration.ofMinutes(5));
    AlertId id =
        runtime
            .sink()
            .accept(
                new RunEvent(
                    "airflow:" + dag + "/" + deliveries.incrementAndGet(),
                    Outcome.FAILED,
                    clock.instant(),
                    AirflowTask.builder(dag)
                        .taskId("download")
                        .region(region)
                        .logicalDate("2026-11-25T03:00:00+00:00")
                        .exception("KeyError: 'ask'")
                        .build()))
            .alertId()
            .orElseThrow();
    settle();
    return id;
  }

  private String messageOf(AlertId id) {
    return meister.storage().messageLinks().messagesFor(id).get(0).messageId();
  }

  private JsonNode onlyCreatedIssue() {
    List<FakeGitHub.Received> created = github.received("POST", "/api/v3/repos/acme/issues/issues");
    assertThat(created).hasSize(1);
    return created.get(0).json();
  }
}
