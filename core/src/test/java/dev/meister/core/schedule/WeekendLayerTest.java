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
class WeekendLayerTest {
  private final OnCallResolver hausmeister =
      new OnCallResolver(Rotations.hausmeister(), ScheduleChanges.NONE);

  @ParameterizedTest(name = "{0} -> {1} {2}")
  @CsvSource({
    "2026-11-09T11:00 Europe/Berlin, alice, REGULAR",
    "2026-11-13T16:59 Europe/Berlin, alice, REGULAR",
    "2026-11-13T17:00 Europe/Berlin, erik,  WEEKEND",
    "2026-11-15T12:00 Europe/Berlin, erik,  WEEKEND",
    "2026-11-16T10:59 Europe/Berlin, erik,  WEEKEND",
    "2026-11-16T11:00 Europe/Berlin, bob,   REGULAR",
    "2026-11-20T17:00 Europe/Berlin, fiona, WEEKEND",
    "2026-11-23T11:00 Europe/Berlin, carol, REGULAR",
    "2026-11-28T00:00 Europe/Berlin, erik,  WEEKEND",
    "2026-11-08T12:00 Europe/Berlin, fiona, WEEKEND",
  })
  void the_weekend_member_replaces_the_weekday_primary_during_the_window(
      String when, String member, Source source) {
    Assignment primary = hausmeister.assignmentAt(Position.PRIMARY, at(when)).orElseThrow();

    assertThat(primary.member()).isEqualTo(MemberId.of(member));
    assertThat(primary.source()).isEqualTo(source);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "2026-11-10T12:00 Europe/Berlin, dora",
    "2026-11-14T12:00 Europe/Berlin, dora",
    "2026-11-16T10:59 Europe/Berlin, dora",
    "2026-11-16T11:00 Europe/Berlin, emil",
    "2026-11-21T12:00 Europe/Berlin, emil",
    "2026-11-23T11:00 Europe/Berlin, dora",
  })
  void level_two_keeps_its_weekly_shifts_through_the_weekend(String when, String member) {
    Assignment secondary = hausmeister.assignmentAt(Position.SECONDARY, at(when)).orElseThrow();

    assertThat(secondary.member()).isEqualTo(MemberId.of(member));
    assertThat(secondary.source()).isEqualTo(Source.REGULAR);
  }

  @Test
  void upcoming_alternates_weekday_and_weekend_stretches() {
    var upcoming = hausmeister.upcoming(Position.PRIMARY, at("2026-11-11T09:00 Europe/Berlin"), 5);

    assertThat(upcoming)
        .containsExactly(
            assignment("alice", Source.REGULAR, "2026-11-09T10:00Z", "2026-11-13T16:00Z"),
            assignment("erik", Source.WEEKEND, "2026-11-13T16:00Z", "2026-11-16T10:00Z"),
            assignment("bob", Source.REGULAR, "2026-11-16T10:00Z", "2026-11-20T16:00Z"),
            assignment("fiona", Source.WEEKEND, "2026-11-20T16:00Z", "2026-11-23T10:00Z"),
            assignment("carol", Source.REGULAR, "2026-11-23T10:00Z", "2026-11-27T16:00Z"));
  }

  @Test
  void between_clips_the_first_and_last_stretch() {
    var between =
        hausmeister.between(
            Position.PRIMARY,
            at("2026-11-12T00:00 Europe/Berlin"),
            at("2026-11-17T00:00 Europe/Berlin"));

    assertThat(between)
        .containsExactly(
            assignment("alice", Source.REGULAR, "2026-11-11T23:00Z", "2026-11-13T16:00Z"),
            assignment("erik", Source.WEEKEND, "2026-11-13T16:00Z", "2026-11-16T10:00Z"),
            assignment("bob", Source.REGULAR, "2026-11-16T10:00Z", "2026-11-16T23:00Z"));
  }

  private static Assignment assignment(String member, Source source, String start, String end) {
    return new Assignment(Position.PRIMARY, MemberId.of(member), source, at(start), at(end));
  }
}
