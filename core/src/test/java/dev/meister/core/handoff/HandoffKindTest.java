package dev.meister.core.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meister.core.schedule.HandoffMoment;
import dev.meister.core.schedule.Roster;
import dev.meister.core.schedule.Rotation;
import dev.meister.core.schedule.RotationId;
import dev.meister.core.schedule.ShiftLength;
import dev.meister.core.schedule.UnavailabilityPolicy;
import dev.meister.core.schedule.WeekendLayer;
import dev.meister.core.schedule.WeeklyWindow;
import dev.meister.core.team.MemberId;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class HandoffKindTest {
  private static final Roster ROSTER =
      new Roster(List.of(MemberId.of("alice"), MemberId.of("bob")));

  @Test
  void the_weekend_windows_start_and_end_in_the_rotations_zone_are_the_two_weekend_hand_offs() {
    Rotation hausmeister = rotation(true);

    assertThat(HandoffKind.at(hausmeister, Instant.parse("2026-11-20T16:00:00Z")))
        .isEqualTo(HandoffKind.TO_WEEKEND);
    assertThat(HandoffKind.at(hausmeister, Instant.parse("2026-11-23T10:00:00Z")))
        .isEqualTo(HandoffKind.FROM_WEEKEND);
    assertThat(HandoffKind.at(hausmeister, Instant.parse("2026-11-24T10:00:00Z")))
        .isEqualTo(HandoffKind.SHIFT);
  }

  @Test
  void a_rotation_without_a_weekend_layer_has_only_shift_hand_offs() {
    assertThat(HandoffKind.at(rotation(false), Instant.parse("2026-11-20T16:00:00Z")))
        .isEqualTo(HandoffKind.SHIFT);
  }

  private static Rotation rotation(boolean weekend) {
    return new Rotation(
        RotationId.of("hausmeister"),
        "Hausmeister",
        ZoneId.of("Europe/Berlin"),
        ShiftLength.parse("1w"),
        new HandoffMoment(DayOfWeek.MONDAY, LocalTime.of(11, 0)),
        LocalDate.parse("2026-11-02"),
        ROSTER,
        null,
        weekend
            ? new WeekendLayer(
                new WeeklyWindow(
                    DayOfWeek.FRIDAY, LocalTime.of(17, 0), DayOfWeek.MONDAY, LocalTime.of(11, 0)),
                ROSTER)
            : null,
        UnavailabilityPolicy.SKIP_TO_NEXT);
  }
}
