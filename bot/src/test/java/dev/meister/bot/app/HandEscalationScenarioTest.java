package dev.meister.bot.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meister.core.alert.GitHubRun;
import dev.meister.core.alert.Outcome;
import dev.meister.core.alert.RunEvent;
import dev.meister.core.chat.AlertId;
import dev.meister.core.escalation.Escalation;
import dev.meister.core.team.MemberId;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Escalating by hand (seed 001, "escalating"): {@code /escalate} tags Level 2, is recorded, shows
 * on the alert and in the next hand-off; an acknowledger still on an alert after an hour is nudged
 * once. Time comes from the test's clock.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class HandEscalationScenarioTest {
  private static final Instant T0 = Instant.parse("2026-11-18T09:00:00Z");
  private static final Duration MINUTE = Duration.ofMinutes(1);
  private static final String ALERT = "alert 1 (Build fail - cmamp fast_tests (163))";

  @TempDir Path dir;
  private DutyBot bot;
  private int deliveries;

  @BeforeEach
  void start() throws Exception {
    bot = new DutyBot(dir, HandoffScenarioTest.TEAM + rotation("secondary: [carol]"), T0, Map.of());
  }

  @AfterEach
  void stop() {
    bot.close();
  }

  static String rotation(String secondary) {
    return """
        rotations:
          hausmeister:
            name: Hausmeister
            zone: Europe/Berlin
            shift: 1w
            handoff: { day: monday, time: "11:00" }
            anchor: 2026-11-02
            roster: [alice, bob]
            %s
            chat: telegram/data-alerts
        routes:
          - name: builds
            match: { source: github }
            rotation: hausmeister
            ack_timeout: 15m
        fix_or_revert:
          enabled: false
        """
        .formatted(secondary);
  }

  // Seed 001: "If an issue comes up that you cannot handle independently, you should escalate the
  // alert to the Level 2 and pair with them to resolve the issue."
  @Test
  void escalate_as_a_reply_to_the_alert_tags_level_two_and_records_who_when_and_why() {
    TranscriptChatPort.Sent alert = fail();
    bot.say("alice", "/ack 1");
    bot.clock.advance(Duration.ofMinutes(20));
    bot.chat.clear();

    bot.reply("alice", alert, "/escalate DB locks, no idea where to start");

    assertThat(bot.chat.texts())
        .contains(
            ":arrow_double_up: @carol (Level 2): Alice Doe escalated "
                + ALERT
                + ": DB locks, no idea where to start. Please pair on it.");
    assertThat(bot.meister().storage().escalations().escalationOf(new AlertId(1)))
        .hasValue(
            new Escalation(
                new AlertId(1),
                MemberId.of("alice"),
                Escalation.Level.LEVEL_2,
                List.of(MemberId.of("carol")),
                Optional.of("DB locks, no idea where to start"),
                T0.plus(Duration.ofMinutes(20))));
  }

  @Test
  void the_alert_message_shows_the_escalation_beside_who_is_looking() {
    TranscriptChatPort.Sent alert = fail();
    bot.say("alice", "/ack 1");
    bot.chat.clear();

    bot.reply("alice", alert, "/escalate stuck");

    assertThat(bot.chat.sent())
        .filteredOn(s -> s.ref().equals(alert.ref()) && s.text().startsWith("(edit)"))
        .singleElement()
        .satisfies(
            edit ->
                assertThat(edit.text())
                    .contains("⏫ Escalated to Carol Lee (Level 2) by Alice Doe at 10:00 CET: stuck")
                    .contains("Alice Doe is looking into this"));
  }

  @Test
  void an_alert_escalated_by_hand_gets_no_automatic_escalation_after_its_ack_timeout() {
    // Seed 001: "escalate the alert to the Level 2 and pair with them": once pulled in by hand,
    // Level 2 is not asked again by the ack-timeout ladder ("please take it").
    fail();
    bot.say("bob", "/escalate #1 nobody answers");
    bot.chat.clear();

    bot.advance(Duration.ofMinutes(40), Duration.ofMinutes(5));

    assertThat(bot.chat.texts()).noneMatch(t -> t.contains("please take it"));
  }

  @Test
  void an_unacknowledged_alert_is_still_escalated_automatically_after_its_ack_timeout() {
    // The guard of the test above: without /escalate the ladder does ask Level 2.
    fail();
    bot.chat.clear();

    bot.advance(Duration.ofMinutes(40), Duration.ofMinutes(5));

    assertThat(bot.chat.texts()).anyMatch(t -> t.contains("@carol (Level 2), please take it"));
  }

  @Test
  void an_unacknowledged_alert_escalated_by_id_keeps_its_line_when_acknowledged_later() {
    TranscriptChatPort.Sent alert = fail();
    bot.chat.clear();

    bot.say("bob", "/escalate #1 not mine but nobody answers");
    bot.say("carol", "/ack 1");

    assertThat(bot.chat.texts())
        .contains(
            ":arrow_double_up: @carol (Level 2): Bob Stone escalated "
                + ALERT
                + ": not mine but nobody answers. Please pair on it.");
    assertThat(bot.chat.sent())
        .filteredOn(s -> s.ref().equals(alert.ref()))
        .last()
        .satisfies(
            edit ->
                assertThat(edit.text())
                    .contains("⏫ Escalated to Carol Lee (Level 2) by Bob Stone")
                    .contains("Carol Lee is looking into this"));
  }

  @Test
  void a_second_escalate_is_answered_in_one_line_and_changes_nothing() {
    TranscriptChatPort.Sent alert = fail();
    bot.reply("alice", alert, "/escalate first");
    bot.chat.clear();

    bot.reply("bob", alert, "/escalate second");

    assertThat(bot.chat.texts())
        .containsExactly(
            "Alert 1 is already escalated to Carol Lee (Level 2) by Alice Doe (at 10:00 CET).");
    assertThat(bot.meister().storage().escalations().escalationOf(new AlertId(1)))
        .map(Escalation::note)
        .hasValue(Optional.of("first"));
  }

  @Test
  void escalate_without_an_alert_gets_a_one_line_usage_answer() {
    fail();
    bot.chat.clear();

    bot.say("alice", "/escalate help");
    bot.say("alice", "/escalate #99 help");

    assertThat(bot.chat.texts())
        .containsExactly(
            "Reply to an alert with /escalate [#ALERT] [NOTE], or give its number, e.g. /escalate"
                + " #7 stuck.",
            "There is no alert #99.");
    assertThat(bot.meister().storage().escalations().escalationOf(new AlertId(1))).isEmpty();
  }

  @Test
  void someone_outside_the_team_cannot_escalate() {
    fail();
    bot.chat.clear();

    bot.sayAsStranger("/escalate #1 pwned");

    assertThat(bot.meister().storage().escalations().escalationOf(new AlertId(1))).isEmpty();
    assertThat(bot.chat.texts()).noneMatch(t -> t.contains("escalated"));
  }

  // Seed 001: "On Friday at 5pm, the hausmeister shift ends and any pending issues are handed off";
  // an escalated alert is pending work, handed on with its helper named.
  @Test
  void the_next_hand_off_announcement_lists_the_escalated_alert_as_open_work() {
    TranscriptChatPort.Sent alert = fail();
    bot.say("alice", "/ack 1");
    bot.reply("alice", alert, "/escalate DB locks");
    bot.chat.clear();

    bot.advanceTo(Instant.parse("2026-11-23T10:30:00Z"), Duration.ofMinutes(30));

    assertThat(bot.chat.texts())
        .filteredOn(t -> t.contains("Hand-off"))
        .singleElement()
        .asString()
        .contains(
            "Open: escalated: 1 (Build fail - cmamp fast_tests (163)) to Carol Lee (Level 2) by"
                + " Alice Doe: DB locks.");
  }

  // Seed 001: escalate "if you try to solve an issue for more than one hour and feel you are not
  // making progress".
  @Test
  void an_acknowledger_still_on_it_after_an_hour_is_nudged_once() {
    fail();
    bot.say("alice", "/ack 1");
    bot.chat.clear();

    bot.advance(Duration.ofMinutes(59), MINUTE);
    assertThat(bot.chat.texts()).isEmpty();
    bot.advance(Duration.ofHours(3), MINUTE);

    assertThat(bot.chat.texts())
        .containsExactly(
            ":hourglass: @alice still on it? Alert 1 (Build fail - cmamp fast_tests (163)) is"
                + " yours for 60 min. /escalate pulls in Carol Lee (Level 2).");
  }

  @Test
  void a_nudge_due_more_than_six_hours_ago_is_not_sent_late() throws Exception {
    fail();
    bot.say("alice", "/ack 1");
    bot.chat.clear();

    // The bot was down from just after the ack until well past the nudge.
    bot.clock.advance(Duration.ofHours(7).plusMinutes(1));
    bot.restart();
    bot.tick();

    assertThat(bot.chat.texts()).noneMatch(t -> t.contains("still on it"));
  }

  @Test
  void a_resolved_alert_gets_no_nudge() {
    TranscriptChatPort.Sent alert = fail();
    bot.say("alice", "/ack 1");
    bot.advance(Duration.ofMinutes(30), MINUTE);
    bot.reply("alice", alert, "/resolve 1 | Reverted the commit");
    bot.chat.clear();

    bot.advance(Duration.ofHours(2), MINUTE);

    assertThat(bot.chat.texts()).isEmpty();
  }

  @Test
  void an_escalated_alert_gets_no_nudge() {
    TranscriptChatPort.Sent alert = fail();
    bot.say("alice", "/ack 1");
    bot.reply("alice", alert, "/escalate stuck");
    bot.chat.clear();

    bot.advance(Duration.ofHours(2), MINUTE);

    assertThat(bot.chat.texts()).isEmpty();
  }

  @Test
  void a_restart_does_not_repeat_the_nudge() throws Exception {
    fail();
    bot.say("alice", "/ack 1");
    bot.advance(Duration.ofMinutes(61), MINUTE);
    bot.restart();
    bot.advance(Duration.ofHours(1), MINUTE);

    assertThat(bot.chat.texts()).filteredOn(t -> t.contains("still on it")).hasSize(1);
  }

  @Test
  void a_rotation_without_level_two_escalates_to_the_team_lead() throws Exception {
    restartWith(HandoffScenarioTest.TEAM + rotation(""));
    TranscriptChatPort.Sent alert = fail();
    bot.chat.clear();

    bot.reply("alice", alert, "/escalate stuck");

    assertThat(bot.chat.texts())
        .contains(
            ":arrow_double_up: Team lead @lena: Alice Doe escalated "
                + ALERT
                + ": stuck. Please pair on it.");
  }

  @Test
  void without_level_two_or_team_lead_escalate_is_refused_in_one_line() throws Exception {
    restartWith(HandoffScenarioTest.TEAM.replace(", roles: [team_lead]", "") + rotation(""));
    TranscriptChatPort.Sent alert = fail();
    bot.chat.clear();

    bot.reply("alice", alert, "/escalate stuck");

    assertThat(bot.chat.texts())
        .containsExactly(
            "Alert 1 has no Level 2 on call and the team has no team lead: nobody to escalate to.");
    assertThat(bot.meister().storage().escalations().escalationOf(new AlertId(1))).isEmpty();
  }

  private void restartWith(String yaml) throws Exception {
    bot.close();
    bot =
        new DutyBot(
            java.nio.file.Files.createDirectories(dir.resolve("other")), yaml, T0, Map.of());
  }

  private TranscriptChatPort.Sent fail() {
    GitHubRun run =
        GitHubRun.builder("cryptokaizen/cmamp")
            .workflowPath(".github/workflows/fast_tests.yml")
            .workflowName("Fast tests")
            .branch("master")
            .runNumber(163)
            .runId(9001L)
            .conclusion("failure")
            .build();
    bot.runtime()
        .intake()
        .accept(new RunEvent("github:" + (++deliveries), Outcome.FAILED, bot.clock.instant(), run));
    bot.tick();
    return bot.chat.sent().get(bot.chat.sent().size() - 1);
  }
}
