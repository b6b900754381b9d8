package dev.meister.core.schedule;

import static dev.meister.core.schedule.Times.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meister.core.team.MemberId;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator.ReplaceUnderscores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayNameGeneration(ReplaceUnderscores.class)
class RegularShiftsTest {
  private final OnCallResolver dagmeister =
      new OnCallResolver(Rotations.dagmeister(), ScheduleChanges.NONE);
  private final OnCallResolver fourWeeks =
      new OnCallResolver(Rotations.fourWeeks(), ScheduleChanges.NONE);

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "2026-11-09T11:00 Europe/Berlin, alice, REGULAR",
    "2026-11-16T09:00 Europe/Berlin, alice, REGULAR",
    "2026-11-23T10:59 Europe/Berlin, alice, REGULAR",
    "2026-11-23T11:00 Europe/Berlin, bob,   REGULAR",
    "2026-12-07T10:59 Europe/Berlin, bob,   REGULAR",
    "2026-12-07T11:00 Europe/Berlin, carol, REGULAR",
    "2026-12-21T11:00 Europe/Berlin, alice, REGULAR",
    "2026-11-09T10:59 Europe/Berlin, carol, REGULAR",
    "2026-10-26T11:00 Europe/Berlin, carol, REGULAR",
    "2026-10-26T10:59 Europe/Berlin, bob,   REGULAR",
  })
  void two_week_shifts_rotate_through_a_roster_of_three(String when, String member, Source source) {
    Assignment primary = dagmeister.assignmentAt(Position.PRIMARY, at(when)).orElseThrow();

    assertThat(primary.member()).isEqualTo(MemberId.of(member));
    assertThat(primary.source()).isEqualTo(source);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "2026-11-02T11:00 Europe/Berlin, danny",
    "2026-11-09T11:00 Europe/Berlin, anna",
    "2026-11-16T11:00 Europe/Berlin, laura",
    "2026-11-23T11:00 Europe/Berlin, jane",
    "2026-11-30T11:00 Europe/Berlin, danny",
    "2026-12-07T10:59 Europe/Berlin, danny",
    "2026-12-07T11:00 Europe/Berlin, anna",
    "2026-11-02T10:59 Europe/Berlin, jane",
    "2026-10-19T11:00 Europe/Berlin, laura",
    "2025-11-10T11:00 Europe/Berlin, anna",
  })
  void four_week_roster_starts_over_with_danny_in_week_five_and_runs_backwards_before_the_anchor(
      String when, String member) {
    Assignment primary = fourWeeks.assignmentAt(Position.PRIMARY, at(when)).orElseThrow();

    assertThat(primary.member()).isEqualTo(MemberId.of(member));
  }

  @Test
  void the_new_member_is_on_call_exactly_at_the_boundary_and_the_old_one_a_nanosecond_before() {
    var boundary = at("2026-11-23T11:00 Europe/Berlin");

    var before = dagmeister.assignmentAt(Position.PRIMARY, boundary.minusNanos(1)).orElseThrow();
    var after = dagmeister.assignmentAt(Position.PRIMARY, boundary).orElseThrow();

    assertThat(before.member()).isEqualTo(MemberId.of("alice"));
    assertThat(before.end()).isEqualTo(boundary);
    assertThat(after.member()).isEqualTo(MemberId.of("bob"));
    assertThat(after.start()).isEqualTo(boundary);
  }

  @Test
  void an_assignment_spans_the_whole_shift() {
    Assignment primary =
        dagmeister
            .assignmentAt(Position.PRIMARY, at("2026-11-30T03:00 Europe/Berlin"))
            .orElseThrow();

    assertThat(primary)
        .isEqualTo(
            new Assignment(
                Position.PRIMARY,
                MemberId.of("bob"),
                Source.REGULAR,
                at("2026-11-23T10:00Z"),
                at("2026-12-07T10:00Z")));
  }

  @Test
  void a_rotation_without_level_two_has_no_secondary_assignment() {
    var secondary = dagmeister.assignmentAt(Position.SECONDARY, at("2026-11-30T03:00Z"));

    assertThat(secondary).isEmpty();
  }
}
