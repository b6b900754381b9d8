package dev.meister.bot.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meister.core.alert.AirflowTask;
import dev.meister.core.alert.GitHubRun;
import dev.meister.core.alert.Outcome;
import dev.meister.core.alert.RunEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Unacknowledged alerts climb the ladder (Level 2, then the team lead) until someone acks, and a
 * red build is reminded about until it is green again; time comes from the test's clock.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class EscalationScenarioTest {
  private static final Instant T0 = Instant.parse("2026-11-18T09:00:00Z");
  private static final Duration MINUTE = Duration.ofMinutes(1);

  @TempDir Path dir;
  private DutyBot bot;
  private int deliveries;

  @BeforeEach
  void start() throws Exception {
    bot =
        new DutyBot(
            dir,
            HandoffScenarioTest.TEAM
                + """
        rotations:
          hausmeister:
            name: Hausmeister
            zone: Europe/Berlin
            shift: 1w
            handoff: { day: monday, time: "11:00" }
            anchor: 2026-11-02
            roster: [alice, bob]
            secondary: [carol]
            chat: telegram/data-alerts
        routes:
          - name: releases
            match: { source: github, branch: "release*" }
            rotation: hausmeister
            priority: high
            ack_timeout: 10m
          - name: builds
            match: { source: github }
            rotation: hausmeister
            ack_timeout: 15m
          - name: dags
            match: { source: airflow }
            rotation: hausmeister
        fix_or_revert:
          after: 60m
          every: 30m
        # The acknowledger's "still on it?" nudge is HandEscalationScenarioTest's subject.
        escalation: { nudge_after: 12h }
        """,
            T0,
            Map.of());
  }

  @AfterEach
  void stop() {
    bot.close();
  }

  @Test
  void an_unacknowledged_alert_goes_to_level_two_and_an_ack_stops_the_chain() {
    fail("master");
    TranscriptChatPort.Sent alert = bot.chat.sent().get(0);
    bot.chat.clear();

    bot.advance(Duration.ofMinutes(15), MINUTE);
    assertThat(bot.chat.texts())
        .containsExactly(
            ":arrow_double_up: Alert 1 (Build fail -"
                + " cmamp fast_tests (163)) is not acknowledged after 15 min. @carol (Level 2),"
                + " please take it: /ack 1");
    assertThat(bot.chat.sent().get(0).replyTo()).isEqualTo(alert.ref());

    bot.say("carol", "/ack 1");
    bot.chat.clear();
    bot.advance(Duration.ofHours(1), MINUTE);
    assertThat(bot.chat.texts()).noneMatch(t -> t.contains("not acknowledged"));
  }

  @Test
  void still_unacknowledged_after_the_next_step_it_tags_the_team_lead_once() {
    fail("master");
    bot.chat.clear();

    bot.advance(Duration.ofHours(2), MINUTE);

    assertThat(bot.chat.texts())
        .filteredOn(t -> t.contains("acknowledged"))
        .containsExactly(
            ":arrow_double_up: Alert 1 (Build fail - cmamp fast_tests (163)) is not"
                + " acknowledged after 15 min. @carol (Level 2), please take it: /ack 1",
            ":rotating_light: Alert 1 (Build fail - cmamp fast_tests (163)) is still not"
                + " acknowledged after 30 min. Team lead @lena, please find someone: /ack 1");
  }

  @Test
  void a_high_priority_alert_escalates_straight_to_the_team_lead() {
    fail("release-1.2");
    bot.chat.clear();

    bot.advance(Duration.ofMinutes(40), MINUTE);

    assertThat(bot.chat.texts())
        .filteredOn(t -> t.contains("acknowledged"))
        .containsExactly(
            ":rotating_light: High-priority alert 1 (Build fail - cmamp fast_tests (163)) is"
                + " still not acknowledged after 10 min. Team lead @lena, please find someone:"
                + " /ack 1");
  }

  @Test
  void a_route_without_ack_timeout_never_escalates() {
    bot.runtime()
        .intake()
        .accept(
            new RunEvent(
                "airflow:1",
                Outcome.FAILED,
                T0,
                AirflowTask.builder("ohlcv_daily").taskId("load").exception("boom").build()));
    bot.tick();
    bot.chat.clear();

    bot.advance(Duration.ofHours(3), Duration.ofMinutes(5));

    assertThat(bot.chat.texts()).isEmpty();
  }

  @Test
  void a_restart_between_steps_neither_repeats_nor_loses_one() throws Exception {
    fail("master");
    bot.advance(Duration.ofMinutes(20), MINUTE);
    bot.restart();
    bot.tick();
    bot.advance(Duration.ofMinutes(5), MINUTE);
    bot.restart();
    bot.clock.advance(Duration.ofMinutes(30));
    bot.tick();
    bot.tick();

    assertThat(bot.chat.texts())
        .filteredOn(t -> t.contains("acknowledged"))
        .extracting(t -> t.substring(0, t.indexOf(' ')))
        .containsExactly(":arrow_double_up:", ":rotating_light:");
  }

  @Test
  void a_red_build_is_reminded_to_fix_or_revert_until_it_is_green() {
    fail("master");
    bot.say("alice", "/ack 1");
    bot.chat.clear();

    bot.advance(Duration.ofMinutes(59), MINUTE);
    assertThat(bot.chat.texts()).isEmpty();
    bot.advance(MINUTE, MINUTE);
    assertThat(bot.chat.texts())
        .containsExactly(
            ":red_circle: cryptokaizen/cmamp"
                + " .github/workflows/fast_tests.yml on master is still red, 60 min after alert 1."
                + " Fix it or revert: @alice (on call), @carol (commit author). Run.");
    bot.advance(Duration.ofMinutes(30), MINUTE);
    assertThat(bot.chat.texts()).hasSize(2).last().asString().contains("90 min after alert 1");

    succeed("master");
    // The webhook's intake now says "green again" too, as it always did behind the webhook.
    bot.tick();
    assertThat(bot.chat.texts()).last().asString().startsWith("🟢 Green again");
    bot.chat.clear();
    bot.advance(Duration.ofHours(3), MINUTE);
    assertThat(bot.chat.texts()).isEmpty();
  }

  @Test
  void a_success_on_another_branch_does_not_silence_the_reminder() {
    fail("master");
    succeed("feature-x");
    bot.say("alice", "/ack 1");
    bot.chat.clear();

    bot.advance(Duration.ofMinutes(60), MINUTE);

    assertThat(bot.chat.texts()).singleElement().asString().startsWith(":red_circle:");
  }

  private void fail(String branch) {
    bot.runtime().intake().accept(event(branch, Outcome.FAILED));
    bot.tick();
  }

  private void succeed(String branch) {
    bot.runtime().intake().accept(event(branch, Outcome.SUCCEEDED));
  }

  private RunEvent event(String branch, Outcome outcome) {
    GitHubRun run =
        GitHubRun.builder("cryptokaizen/cmamp")
            .workflowPath(".github/workflows/fast_tests.yml")
            .workflowName("Fast tests")
            .branch(branch)
            .runNumber(163)
            .runId(9001L)
            .runUrl("https://github.com/cryptokaizen/cmamp/actions/runs/9001")
            .actor("carol-gh")
            .commitAuthor("Carol Lee")
            .conclusion(outcome == Outcome.FAILED ? "failure" : "success")
            .build();
    return new RunEvent("github:" + (++deliveries), outcome, bot.clock.instant(), run);
  }
}
