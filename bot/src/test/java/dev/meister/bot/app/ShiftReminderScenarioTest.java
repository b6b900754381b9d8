package dev.meister.bot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.io.ParseWarning;
import biweekly.property.Attendee;
import dev.meister.core.chat.Attachment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shift reminders over a weekend and a Monday, time driven by the test's clock: the Hausmeister
 * (Berlin, Mondays 11:00 = 10:00 UTC, with the handshake) and the DE standby (UTC, Mondays 09:00,
 * without it, asking for seed 004's transition meeting), a real SQLite file and a recording chat.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ShiftReminderScenarioTest {
  private static final String CONFIG =
      """
      team:
        members:
          alice: { name: Alice Doe, telegram: alice_d, telegram_id: 100001 }
          bob:   { name: Bob Stone, telegram: bobs, telegram_id: 100002 }
          erin:  { name: Erin Novak, telegram: erin_n, telegram_id: 100005 }
          danny: { name: Danny, telegram: danny_de, telegram_id: 100011 }
          anna:  { name: Anna, telegram: anna_de, telegram_id: 100012 }
      chats:
        telegram:
          token: ${TELEGRAM_BOT_TOKEN}
          chats:
            team: { chat_id: -100111 }
      rotations:
        hausmeister:
          name: Hausmeister
          zone: Europe/Berlin
          shift: 1w
          handoff: { day: monday, time: "11:00" }
          anchor: 2026-11-02
          roster: [alice, bob]
          secondary: [erin]
          chat: telegram/team
        de-standby:
          name: DE standby
          zone: UTC
          shift: 1w
          handoff: { day: monday, time: "09:00" }
          anchor: 2026-11-02
          roster: [danny, anna]
          chat: telegram/team
      shift_reminders:
        hausmeister: { before: 1d }
        de-standby: { handshake: false, meeting: 30m }
      storage:
        database: %s
      """;

  private static final Instant SAT_NOON = Instant.parse("2026-11-28T12:00:00Z");
  private static final Instant SUN_0900Z = Instant.parse("2026-11-29T09:00:00Z");
  private static final Instant SUN_1000Z = Instant.parse("2026-11-29T10:00:00Z");
  private static final Instant MON_0900Z = Instant.parse("2026-11-30T09:00:00Z");
  private static final Instant MON_1000Z = Instant.parse("2026-11-30T10:00:00Z");
  private static final Duration MINUTE = Duration.ofMinutes(1);
  private static final Duration TEN_MINUTES = Duration.ofMinutes(10);

  private static final String HAUSMEISTER_REMINDER =
      "⏰ @alice: your Hausmeister shift starts tomorrow 11:00 CET (Mon 30 Nov), taking over from"
          + " @bob; Level 2: @erin.";

  @TempDir Path dir;
  private DutyBot bot;

  @BeforeEach
  void start() throws Exception {
    bot = new DutyBot(dir, CONFIG.formatted(dir.resolve("meister.db")), SAT_NOON, Map.of());
  }

  @AfterEach
  void stop() {
    bot.close();
  }

  private List<String> texts() {
    return bot.chat.texts();
  }

  // Issue #13: "the incoming on-call is reminded the day before ("your Hausmeister shift starts
  // tomorrow 11:00 CET; Level 2: @erin")".
  @Test
  void the_incoming_on_call_is_reminded_a_day_before_the_boundary_with_level_2() {
    bot.advanceTo(SUN_1000Z.minus(MINUTE), TEN_MINUTES);
    assertThat(texts()).noneMatch(t -> t.contains("Hausmeister"));

    bot.advance(Duration.ofMinutes(2), MINUTE);

    assertThat(texts()).containsOnlyOnce(HAUSMEISTER_REMINDER);
  }

  @Test
  void a_reminder_is_posted_once_also_across_a_restart() throws Exception {
    bot.advanceTo(SUN_1000Z.plus(MINUTE), TEN_MINUTES);
    bot.restart();
    bot.advance(Duration.ofHours(3), TEN_MINUTES);

    assertThat(texts().stream().filter(HAUSMEISTER_REMINDER::equals)).hasSize(1);
    assertThat(texts().stream().filter(t -> t.startsWith("⏰ @danny"))).hasSize(1);
  }

  // Seed 004: "Need to have 30 mins meeting for on-call transition."; issue #13 item 7: the
  // reminder "carries an `.ics` invitation for both people", as a file.
  @Test
  void the_reminder_proposes_the_transition_meeting_and_carries_its_invitation_as_a_file() {
    bot.advanceTo(SUN_0900Z.plus(MINUTE), TEN_MINUTES);

    TranscriptChatPort.Sent reminder =
        bot.chat.sent().stream()
            .filter(s -> s.text().startsWith("⏰ @danny"))
            .findFirst()
            .orElseThrow();
    assertThat(reminder.text())
        .isEqualTo(
            "⏰ @danny: your DE standby shift starts tomorrow 09:00 UTC (Mon 30 Nov), taking over"
                + " from @anna.\n🤝 On-call transition meeting (30 min) proposed Mon 30 Nov"
                + " 08:30–09:00 UTC: @anna with @danny. Invitation attached (.ics).");
    assertThat(reminder.attachments()).hasSize(1);
    Attachment file = reminder.attachments().get(0);
    assertThat(file.fileName()).isEqualTo("de-standby-handoff-2026-11-30.ics");
    assertThat(file.mediaType()).isEqualTo("text/calendar; method=REQUEST; charset=utf-8");
    List<List<ParseWarning>> warnings = new ArrayList<>();
    ICalendar calendar =
        Biweekly.parse(new String(file.content(), StandardCharsets.UTF_8))
            .warnings(warnings)
            .first();
    assertThat(warnings).allSatisfy(w -> assertThat(w).isEmpty());
    assertThat(calendar.getMethod().getValue()).isEqualTo("REQUEST");
    VEvent meeting = calendar.getEvents().get(0);
    assertThat(meeting.getDateStart().getValue().toInstant())
        .isEqualTo(Instant.parse("2026-11-30T08:30:00Z"));
    assertThat(meeting.getDateEnd().getValue().toInstant()).isEqualTo(MON_0900Z);
    assertThat(meeting.getUid().getValue())
        .isEqualTo("de-standby-" + MON_0900Z.getEpochSecond() + "@meister");
    assertThat(meeting.getSummary().getValue())
        .isEqualTo("DE standby on-call transition: Anna to Danny");
    assertThat(meeting.getOrganizer().getCommonName()).isEqualTo("Anna");
    assertThat(meeting.getAttendees())
        .extracting(Attendee::getCommonName, Attendee::getUri)
        .containsExactly(
            tuple("Anna", "urn:meister:member:anna"), tuple("Danny", "urn:meister:member:danny"));
  }

  @Test
  void a_rotation_without_a_meeting_gets_a_reminder_without_a_file() {
    bot.advanceTo(SUN_1000Z.plus(MINUTE), TEN_MINUTES);

    assertThat(bot.chat.sent())
        .filteredOn(s -> s.text().equals(HAUSMEISTER_REMINDER))
        .singleElement()
        .satisfies(s -> assertThat(s.attachments()).isEmpty());
  }

  // Issue #13: "the rotation's chat hears "@bob is on call now" at the boundary when no hand-off
  // handshake is configured".
  @Test
  void a_rotation_without_the_handshake_hears_who_is_on_call_now_and_the_others_keep_it() {
    bot.advanceTo(MON_0900Z.minus(MINUTE), TEN_MINUTES);
    assertThat(texts()).noneMatch(t -> t.contains("on call now"));

    bot.advanceTo(MON_1000Z.plus(MINUTE), MINUTE);
    bot.advance(Duration.ofHours(2), TEN_MINUTES);

    assertThat(texts())
        .containsOnlyOnce("📢 @danny is on call now for DE standby (until Mon 7 Dec 09:00 UTC).")
        .noneMatch(t -> t.contains("Hand-off DE standby"))
        .anyMatch(t -> t.startsWith(":repeat: Hand-off Hausmeister: @bob → @alice"))
        .noneMatch(t -> t.contains("on call now for Hausmeister"));
  }
}
