package dev.meister.bot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
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

  // Seed 004: "Need to have 30 mins meeting for on-call transition."
  @Test
  void the_reminder_proposes_the_transition_meeting_and_carries_its_invitation_for_both() {
    bot.advanceTo(SUN_0900Z.plus(MINUTE), TEN_MINUTES);

    String reminder =
        texts().stream().filter(t -> t.startsWith("⏰ @danny")).findFirst().orElseThrow();
    assertThat(reminder)
        .startsWith(
            "⏰ @danny: your DE standby shift starts tomorrow 09:00 UTC (Mon 30 Nov), taking over"
                + " from @anna.\n🤝 On-call transition meeting (30 min) proposed Mon 30 Nov"
                + " 08:30–09:00 UTC: @anna with @danny. Invitation (save as .ics):");
    String ics =
        reminder.substring(
            reminder.indexOf("BEGIN:VCALENDAR"),
            reminder.indexOf("END:VCALENDAR") + "END:VCALENDAR".length());
    Map<String, String> event = event(ics);
    assertThat(event)
        .containsEntry("DTSTART", "20261130T083000Z")
        .containsEntry("DTEND", "20261130T090000Z")
        .containsEntry("DTSTAMP", "20261129T090000Z")
        .containsEntry("SUMMARY", "DE standby on-call transition: Anna to Danny")
        .containsEntry("ORGANIZER;CN=Anna", "urn:meister:member:anna")
        .containsEntry(
            "ATTENDEE;CN=Danny;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE",
            "urn:meister:member:danny");
    assertThat(event.get("UID")).isEqualTo("de-standby-" + MON_0900Z.getEpochSecond() + "@meister");
    assertThat(ics).contains("BEGIN:VEVENT").contains("END:VEVENT").contains("VERSION:2.0");
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

  /** The properties of the one VEVENT, unfolded (RFC 5545 3.1), by name with parameters. */
  private static Map<String, String> event(String ics) {
    String unfolded = ics.replace("\r\n ", "").replace("\n ", "");
    Map<String, String> props = new LinkedHashMap<>();
    boolean inEvent = false;
    for (String line : unfolded.split("\r?\n")) {
      if (line.equals("BEGIN:VEVENT")) {
        inEvent = true;
      } else if (line.equals("END:VEVENT")) {
        inEvent = false;
      } else if (inEvent) {
        int colon = line.indexOf(':');
        props.put(line.substring(0, colon), line.substring(colon + 1));
      }
    }
    return props;
  }
}
