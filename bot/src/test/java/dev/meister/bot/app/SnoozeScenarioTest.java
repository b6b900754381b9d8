package dev.meister.bot.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meister.core.alert.GitHubRun;
import dev.meister.core.alert.Outcome;
import dev.meister.core.alert.RunEvent;
import dev.meister.core.chat.AlertId;
import dev.meister.core.silence.Snooze;
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
 * Snoozing one alert (issue #18): {@code /snooze 2h} under it holds its escalation, its "still on
 * it?" nudge and its fix-or-revert reminders back; when the time is up and it is not resolved it
 * comes back to the on-call in its thread. Stored, so a restart keeps it. Time from the test's
 * clock.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SnoozeScenarioTest {
  private static final Instant T0 = Instant.parse("2026-11-18T09:00:00Z");
  private static final Duration MINUTE = Duration.ofMinutes(1);
  private static final String BACK =
      ":alarm_clock: @alice (on call): alert 1 (Build fail - cmamp fast_tests (163)) is back from"
          + " its snooze (2h by Bob Stone) and still not resolved.";

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
          - name: builds
            match: { source: github }
            rotation: hausmeister
            ack_timeout: 15m
        fix_or_revert:
          after: 60m
          every: 60m
        escalation: { nudge_after: 1h }
        """,
            T0,
            Map.of());
  }

  @AfterEach
  void stop() {
    bot.close();
  }

  @Test
  void a_snoozed_alert_waits_then_comes_back_to_the_on_call_in_its_thread_and_escalates_later() {
    TranscriptChatPort.Sent alert = fail();
    bot.reply("bob", alert, "/snooze 2h");
    assertThat(bot.chat.texts())
        .last()
        .isEqualTo(
            "💤 Alert 1 (Build fail - cmamp fast_tests (163)) snoozed until Wed 18 Nov 12:00 CET"
                + " (2h): its escalation and reminders wait; it comes back to the on-call then"
                + " unless resolved.");
    bot.chat.clear();

    bot.advance(Duration.ofHours(2).minus(MINUTE), MINUTE);
    assertThat(bot.chat.texts()).isEmpty();
    bot.advance(MINUTE, MINUTE);

    assertThat(bot.chat.sent())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.text()).isEqualTo(BACK);
              assertThat(s.replyTo()).isEqualTo(alert.ref());
            });
    bot.chat.clear();
    // Back, it gets a whole ack timeout again before Level 2 is asked.
    bot.advance(Duration.ofMinutes(14), MINUTE);
    assertThat(bot.chat.texts()).noneMatch(t -> t.contains("not acknowledged"));
    bot.advance(Duration.ofMinutes(1), MINUTE);
    assertThat(bot.chat.texts())
        .anyMatch(t -> t.contains("not acknowledged") && t.contains("@carol (Level 2)"));
  }

  @Test
  void a_snoozed_alert_resolved_meanwhile_does_not_come_back() {
    TranscriptChatPort.Sent alert = fail();
    bot.say("bob", "/snooze #1 2h");
    bot.advance(Duration.ofMinutes(30), MINUTE);
    bot.reply("alice", alert, "/resolve 1 | Reverted the commit");
    bot.chat.clear();

    bot.advance(Duration.ofHours(4), MINUTE);

    assertThat(bot.chat.texts()).noneMatch(t -> t.contains("back from its snooze"));
    assertThat(bot.meister().storage().snoozes().snoozeOf(new AlertId(1)))
        .flatMap(Snooze::returnedAt)
        .hasValue(T0.plus(Duration.ofHours(2)));
  }

  @Test
  void a_snooze_survives_a_restart_and_comes_back_once() throws Exception {
    fail();
    bot.say("bob", "/snooze #1 2h");
    bot.advance(Duration.ofHours(1), MINUTE);
    bot.restart();
    bot.chat.clear();

    bot.advance(Duration.ofHours(2), MINUTE);
    bot.restart();
    bot.advance(Duration.ofHours(1), MINUTE);

    assertThat(bot.chat.texts()).filteredOn(t -> t.contains("back from its snooze")).hasSize(1);
  }

  @Test
  void an_acknowledged_snoozed_alert_is_nudged_only_an_hour_after_its_snooze() {
    TranscriptChatPort.Sent alert = fail();
    bot.say("alice", "/ack 1");
    bot.reply("bob", alert, "/snooze 2h");
    bot.chat.clear();

    bot.advance(Duration.ofMinutes(150), MINUTE);
    assertThat(bot.chat.texts()).noneMatch(t -> t.contains("still on it"));
    bot.advance(Duration.ofMinutes(31), MINUTE);

    assertThat(bot.chat.texts()).filteredOn(t -> t.contains("still on it")).hasSize(1);
  }

  @Test
  void fix_or_revert_reminders_wait_for_the_snooze() {
    fail();
    bot.say("bob", "/snooze #1 3h");
    bot.chat.clear();

    bot.advance(Duration.ofHours(3).minus(MINUTE), MINUTE);
    assertThat(bot.chat.texts()).noneMatch(t -> t.contains("revert"));
    // Its return reminds the on-call; the next reminder follows one `every` later.
    bot.advance(Duration.ofMinutes(61), MINUTE);
    assertThat(bot.chat.texts()).filteredOn(t -> t.contains("revert")).hasSize(1);
  }

  @Test
  void bad_input_is_answered_in_one_line_and_snoozes_nothing() {
    TranscriptChatPort.Sent alert = fail();
    bot.chat.clear();

    bot.say("bob", "/snooze 2h");
    bot.reply("bob", alert, "/snooze 8d");
    bot.reply("bob", alert, "/snooze -1h");
    bot.reply("bob", alert, "/snooze soon");
    bot.say("bob", "/snooze #42 1h");
    bot.sayAsStranger("/snooze #1 1h");

    assertThat(bot.chat.texts())
        .containsExactly(
            "Reply to an alert with /snooze DURATION, or give its number, e.g. /snooze #7 2h.",
            "The duration 8d is too long: at most 7d.",
            "The duration must be positive, not -1h.",
            "'soon' is not a duration like 30m, 2h, 1d or 1w.",
            "There is no alert #42.",
            "Sorry, only members of the team can use /snooze.");
    assertThat(bot.meister().storage().snoozes().snoozeOf(new AlertId(1))).isEmpty();
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
