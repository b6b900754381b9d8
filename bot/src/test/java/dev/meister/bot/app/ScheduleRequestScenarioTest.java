package dev.meister.bot.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meister.core.schedule.Rotation;
import dev.meister.core.schedule.RotationId;
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

/** Overrides and swaps asked in chat take effect only once the other person says yes. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ScheduleRequestScenarioTest {
  @TempDir Path dir;
  private DutyBot bot;

  @BeforeEach
  void start() throws Exception {
    bot =
        new DutyBot(
            dir,
            HandoffScenarioTest.TEAM
                + """
        rotations:
          dagmeister:
            name: DagMeister
            zone: Europe/Berlin
            shift: 2w
            handoff: { day: monday, time: "11:00" }
            anchor: 2026-11-02
            roster: [alice, bob, carol]
            chat: telegram/data-alerts
        """,
            Instant.parse("2026-11-23T09:00:00Z"),
            Map.of());
  }

  @AfterEach
  void stop() {
    bot.close();
  }

  @Test
  void an_override_takes_effect_when_the_other_person_accepts_and_whoisoncall_shows_it_at_once() {
    bot.say("bob", "/override @carol 2026-11-25..2026-11-27");

    TranscriptChatPort.Sent question = bot.chat.sent().get(0);
    assertThat(question.text())
        .isEqualTo(
            ":calendar: @carol: @bob asks you to take DagMeister"
                + " from Wed 25 Nov 00:00 Europe/Berlin to Sat 28 Nov 00:00 Europe/Berlin. Answer with"
                + " the buttons or /override accept 1 (or decline).");
    assertThat(onCallAt("2026-11-26T12:00:00Z")).isEqualTo("bob");

    bot.press("carol", question, "✅ Accept");

    assertThat(bot.chat.toasts()).containsExactly("Done.");
    assertThat(bot.chat.texts())
        .last()
        .isEqualTo(
            ":white_check_mark: @carol has DagMeister"
                + " from Wed 25 Nov 00:00 Europe/Berlin to Sat 28 Nov 00:00 Europe/Berlin."
                + " /whoisoncall shows it.");
    assertThat(onCallAt("2026-11-26T12:00:00Z")).isEqualTo("carol");
    assertThat(onCallAt("2026-11-28T12:00:00Z")).isEqualTo("bob");

    bot.chat.clear();
    bot.advanceTo(Instant.parse("2026-11-26T12:00:00Z"), Duration.ofHours(1));
    bot.say("alice", "/whoisoncall dagmeister");
    assertThat(bot.chat.texts())
        .anyMatch(
            t ->
                t.startsWith(
                    ":repeat: Hand-off DagMeister:"
                        + " @bob → @carol (until Sat 28 Nov 00:00 Europe/Berlin)"));
    assertThat(bot.chat.texts()).last().asString().contains("Primary: Carol Lee");
  }

  @Test
  void a_swap_exchanges_the_next_shifts_once_accepted() {
    bot.say("alice", "/swap @carol");
    TranscriptChatPort.Sent question = bot.chat.sent().get(0);
    assertThat(question.text())
        .isEqualTo(
            ":calendar: @carol: @alice asks to swap shifts in"
                + " DagMeister: you take theirs from Mon 14 Dec 11:00 Europe/Berlin, they take yours"
                + " from Mon 30 Nov 11:00 Europe/Berlin. Answer with the buttons or /swap accept 1"
                + " (or decline).");

    bot.say("carol", "/swap accept 1");

    assertThat(onCallAt("2026-12-01T12:00:00Z")).isEqualTo("alice");
    assertThat(onCallAt("2026-12-15T12:00:00Z")).isEqualTo("carol");
    assertThat(bot.chat.texts())
        .last()
        .isEqualTo(
            ":white_check_mark: @carol and @alice swapped"
                + " their DagMeister shifts from Mon 14 Dec 11:00 Europe/Berlin and Mon 30 Nov 11:00"
                + " Europe/Berlin. /whoisoncall shows it.");
  }

  @Test
  void only_the_asked_person_answers_and_a_declined_request_changes_nothing() {
    bot.say("bob", "/override @carol 2026-11-25..2026-11-27");
    bot.chat.clear();

    bot.say("alice", "/override accept 1");
    bot.say("carol", "/override decline 1");
    bot.say("carol", "/override accept 1");
    bot.say("carol", "/override accept 7");

    assertThat(bot.chat.texts())
        .containsExactly(
            "Only carol can answer request 1.",
            "@carol declined request 1 from @bob.",
            "Request 1 is already declined.",
            "There is no request 7.");
    assertThat(onCallAt("2026-11-26T12:00:00Z")).isEqualTo("bob");
  }

  @Test
  void an_unanswered_request_expires_after_two_days() {
    bot.say("bob", "/override @carol 2026-12-20..2026-12-22");
    bot.clock.advance(Duration.ofDays(3));
    bot.chat.clear();

    bot.say("carol", "/override accept 1");

    bot.say("carol", "/override accept 1");

    assertThat(bot.chat.texts())
        .containsExactly("Request 1 has expired; ask again.", "Request 1 is already expired.");
    assertThat(onCallAt("2026-12-21T12:00:00Z")).isEqualTo("alice");
  }

  @Test
  void bad_requests_get_a_clear_answer() {
    bot.say("bob", "/override carol 2026-11-25..2026-11-27");
    bot.say("bob", "/override @zed 2026-11-25..2026-11-27");
    bot.say("bob", "/override @carol 25.11..27.11");
    bot.say("bob", "/override @carol 2026-11-20..2026-11-21");
    bot.say("bob", "/swap @bob");

    assertThat(bot.chat.texts())
        .containsExactly(
            "Name the other person as @name, not 'carol'.",
            "@zed is not on the team.",
            "'25.11..27.11' is not a period like 2026-12-01..2026-12-08 or"
                + " 2026-12-01T11:00..2026-12-08T11:00.",
            "That period is already over.",
            "Name someone other than yourself.");
  }

  private String onCallAt(String instant) {
    Instant t = Instant.parse(instant);
    Rotation r = bot.meister().directory().find(RotationId.of("dagmeister")).orElseThrow();
    return bot.meister().directory().resolver(r, t).onCallAt(t).primary().member().value();
  }
}
