package dev.meister.bot.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meister.core.schedule.RotationId;
import dev.meister.core.shift.ShiftReminderRule;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code shift_reminders}: per rotation, the reminder's lead time, the handshake, the meeting. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ShiftRemindersConfigTest {
  /** Lines 1-12; whatever a test appends starts on line 13. */
  private static final String BASE =
      """
      team:
        members:
          danny: { name: Danny }
      rotations:
        de-standby:
          name: DE standby
          zone: UTC
          shift: 1w
          handoff: { day: monday, time: "09:00" }
          anchor: 2026-11-02
          roster: [danny]
      shift_reminders:
      """;

  @TempDir Path dir;
  private ConfigFixture fixture;

  @BeforeEach
  void setUp() {
    fixture = new ConfigFixture(dir);
  }

  // Seed 004: "Need to have 30 mins meeting for on-call transition."
  @Test
  void a_rotation_asks_for_the_transition_meeting_and_may_go_without_the_handshake()
      throws ConfigException {
    MeisterConfig config =
        fixture.load(BASE + "  de-standby: { before: 12h, handshake: false, meeting: 30m }\n");

    assertThat(config.shiftReminders())
        .containsExactly(
            new ShiftReminderRule(
                RotationId.of("de-standby"),
                Duration.ofHours(12),
                false,
                Optional.of(Duration.ofMinutes(30))));
  }

  @Test
  void by_default_the_reminder_comes_a_day_before_with_the_handshake_and_no_meeting()
      throws ConfigException {
    MeisterConfig config = fixture.load(BASE + "  de-standby: {}\n");

    assertThat(config.shiftReminders())
        .containsExactly(
            new ShiftReminderRule(
                RotationId.of("de-standby"), Duration.ofDays(1), true, Optional.empty()));
  }

  @Test
  void mistakes_are_reported_with_their_lines() {
    assertThat(
            fixture.problems(
                BASE
                    + """
                      de-standy: { before: 1d }
                      de-standby: { meeting: half an hour, handshake: maybe, when: now }
                    """))
        .containsExactly(
            "meister.yml:13: shift_reminders.de-standy: unknown rotation 'de-standy' (did you mean"
                + " 'de-standby'?)",
            "meister.yml:14: shift_reminders.de-standby.when: unknown key 'when'",
            "meister.yml:14: shift_reminders.de-standby.meeting: 'half an hour' is not a duration like"
                + " 90s, 15m, 4h or 1d",
            "meister.yml:14: shift_reminders.de-standby.handshake: 'maybe' must be true or false");
  }
}
