package dev.meister.core.schedule;

import static dev.meister.core.schedule.Times.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meister.core.team.MemberId;
import java.time.LocalDate;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator.ReplaceUnderscores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayNameGeneration(ReplaceUnderscores.class)
class HandoverTest {
  private final OnCallResolver hausmeister =
      new OnCallResolver(Rotations.hausmeister(), ScheduleChanges.NONE);

  @ParameterizedTest(name = "{0}: {1} -> {2} at {3}")
  @CsvSource({
    "PRIMARY,   2026-11-10T12:00 Europe/Berlin, alice, erik,  2026-11-13T17:00 Europe/Berlin,"
        + " WEEKEND",
    "PRIMARY,   2026-11-13T17:00 Europe/Berlin, erik,  bob,   2026-11-16T11:00 Europe/Berlin,"
        + " REGULAR",
    "PRIMARY,   2026-11-13T16:59 Europe/Berlin, alice, erik,  2026-11-13T17:00 Europe/Berlin,"
        + " WEEKEND",
    "SECONDARY, 2026-11-10T12:00 Europe/Berlin, dora,  emil,  2026-11-16T11:00 Europe/Berlin,"
        + " REGULAR",
  })
  void the_next_handover_is_the_next_change_of_member(
      Position position, String when, String from, String to, String at, Source source) {
    Handover handover = hausmeister.nextHandover(position, at(when)).orElseThrow();

    assertThat(handover)
        .isEqualTo(
            new Handover(
                RotationId.of("hausmeister"),
                position,
                at(at),
                MemberId.of(from),
                MemberId.of(to),
                source));
  }

  @Test
  void the_next_handover_skips_boundaries_where_the_same_member_carries_on() {
    var sameOnWeekends =
        new OnCallResolver(
            Rotations.hausmeister(Roster.of("alice", "bob"), Roster.of("alice", "bob")),
            ScheduleChanges.NONE);

    Handover handover =
        sameOnWeekends.nextHandover(Position.PRIMARY, at("2026-11-10T12:00Z")).orElseThrow();

    assertThat(handover.at()).isEqualTo(at("2026-11-16T11:00 Europe/Berlin"));
    assertThat(handover.from()).isEqualTo(MemberId.of("alice"));
    assertThat(handover.to()).isEqualTo(MemberId.of("bob"));
  }

  @Test
  void a_rotation_of_one_member_has_no_next_handover() {
    var solo =
        new OnCallResolver(
            Rotations.rotation(
                "solo",
                ShiftLength.weeks(1),
                LocalDate.of(2026, 11, 9),
                Roster.of("alice"),
                null,
                null,
                UnavailabilityPolicy.KEEP),
            ScheduleChanges.NONE);

    assertThat(solo.nextHandover(Position.PRIMARY, at("2026-11-10T12:00Z"))).isEmpty();
  }

  @Test
  void finding_the_next_handover_of_a_rotation_of_one_finds_none_without_throwing() {
    var solo =
        new OnCallResolver(
            Rotations.rotation(
                "solo",
                ShiftLength.weeks(1),
                LocalDate.of(2026, 11, 9),
                Roster.of("alice"),
                null,
                null,
                UnavailabilityPolicy.KEEP),
            ScheduleChanges.NONE);

    assertThat(solo.nextHandover(Position.PRIMARY, at("2026-11-10T12:00Z"))).isEmpty();
    assertThat(dev.meister.core.handoff.HandoffBoundaries.after(solo, at("2026-11-10T12:00Z")))
        .isEmpty();
  }

  @Test
  void finding_the_next_handover_of_a_rotation_with_others_finds_it() {
    var sameOnWeekends =
        new OnCallResolver(
            Rotations.hausmeister(Roster.of("alice", "bob"), Roster.of("alice", "bob")),
            ScheduleChanges.NONE);

    assertThat(sameOnWeekends.nextHandover(Position.PRIMARY, at("2026-11-10T12:00Z")))
        .map(Handover::at)
        .contains(at("2026-11-16T11:00 Europe/Berlin"));
  }

  @Test
  void on_call_names_primary_level_two_and_the_next_different_primary() {
    OnCall onCall = hausmeister.onCallAt(at("2026-11-10T12:00Z"));

    assertThat(onCall.primary().member()).isEqualTo(MemberId.of("alice"));
    assertThat(onCall.secondaryAssignment().map(Assignment::member)).contains(MemberId.of("dora"));
    assertThat(onCall.nextPrimary())
        .isEqualTo(
            new Assignment(
                Position.PRIMARY,
                MemberId.of("erik"),
                Source.WEEKEND,
                at("2026-11-13T17:00 Europe/Berlin"),
                at("2026-11-16T11:00 Europe/Berlin")));
  }

  @Test
  void the_next_primary_skips_stretches_of_the_same_member() {
    var sameOnWeekends =
        new OnCallResolver(
            Rotations.hausmeister(Roster.of("alice", "bob"), Roster.of("alice", "bob")),
            ScheduleChanges.NONE);

    OnCall onCall = sameOnWeekends.onCallAt(at("2026-11-10T12:00Z"));

    assertThat(onCall.nextPrimary().member()).isEqualTo(MemberId.of("bob"));
    assertThat(onCall.nextPrimary().start()).isEqualTo(at("2026-11-16T11:00 Europe/Berlin"));
  }

  @Test
  void without_level_two_on_call_has_no_secondary() {
    var dagmeister = new OnCallResolver(Rotations.dagmeister(), ScheduleChanges.NONE);

    OnCall onCall = dagmeister.onCallAt(at("2026-11-10T12:00Z"));

    assertThat(onCall.secondary()).isNull();
    assertThat(onCall.nextPrimary().member()).isEqualTo(MemberId.of("bob"));
  }
}
