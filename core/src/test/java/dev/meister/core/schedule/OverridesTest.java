package dev.meister.core.schedule;

import static dev.meister.core.schedule.Times.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meister.core.team.MemberId;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator.ReplaceUnderscores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayNameGeneration(ReplaceUnderscores.class)
class OverridesTest {
  private static final ScheduleOverride FRANK_FOR_TWO_DAYS =
      override("frank", null, "2026-11-12T09:00 Europe/Berlin", "2026-11-14T18:00 Europe/Berlin");

  @Test
  void an_override_inside_a_shift_splits_it_into_three_stretches() {
    OnCallResolver resolver = resolver(FRANK_FOR_TWO_DAYS);

    var shift =
        resolver.between(
            Position.PRIMARY,
            at("2026-11-09T11:00 Europe/Berlin"),
            at("2026-11-23T11:00 Europe/Berlin"));

    assertThat(shift)
        .containsExactly(
            primary("alice", Source.REGULAR, "2026-11-09T10:00Z", "2026-11-12T08:00Z"),
            primary("frank", Source.OVERRIDE, "2026-11-12T08:00Z", "2026-11-14T17:00Z"),
            primary("alice", Source.REGULAR, "2026-11-14T17:00Z", "2026-11-23T10:00Z"));
  }

  @ParameterizedTest(name = "{0} -> {1} {2}")
  @CsvSource({
    "2026-11-12T08:59 Europe/Berlin, alice, REGULAR",
    "2026-11-12T09:00 Europe/Berlin, frank, OVERRIDE",
    "2026-11-14T17:59 Europe/Berlin, frank, OVERRIDE",
    "2026-11-14T18:00 Europe/Berlin, alice, REGULAR",
  })
  void an_override_holds_the_position_from_its_start_to_just_before_its_end(
      String when, String member, Source source) {
    Assignment primary =
        resolver(FRANK_FOR_TWO_DAYS).assignmentAt(Position.PRIMARY, at(when)).orElseThrow();

    assertThat(primary.member()).isEqualTo(MemberId.of(member));
    assertThat(primary.source()).isEqualTo(source);
  }

  @ParameterizedTest(name = "{0} -> {1} {2}")
  @CsvSource({
    "2026-11-20T12:00 Europe/Berlin, alice, REGULAR",
    "2026-11-23T10:59 Europe/Berlin, alice, REGULAR",
    "2026-11-23T11:00 Europe/Berlin, frank, OVERRIDE",
    "2026-11-25T11:59 Europe/Berlin, frank, OVERRIDE",
    "2026-11-25T12:00 Europe/Berlin, bob,   REGULAR",
  })
  void an_override_for_a_named_member_applies_only_while_that_member_is_on(
      String when, String member, Source source) {
    var forBob =
        override(
            "frank", "bob", "2026-11-20T00:00 Europe/Berlin", "2026-11-25T12:00 Europe/Berlin");

    Assignment primary = resolver(forBob).assignmentAt(Position.PRIMARY, at(when)).orElseThrow();

    assertThat(primary.member()).isEqualTo(MemberId.of(member));
    assertThat(primary.source()).isEqualTo(source);
  }

  @Test
  void a_three_week_override_is_returned_whole_from_any_instant_inside_it() {
    var threeWeeks =
        override("gina", null, "2026-11-10T08:00 Europe/Berlin", "2026-12-01T08:00 Europe/Berlin");

    Assignment primary =
        resolver(threeWeeks).assignmentAt(Position.PRIMARY, at("2026-11-30T12:00Z")).orElseThrow();

    assertThat(primary)
        .isEqualTo(primary("gina", Source.OVERRIDE, "2026-11-10T07:00Z", "2026-12-01T07:00Z"));
  }

  @Test
  void the_later_of_two_overlapping_overrides_wins() {
    var first = override("frank", null, "2026-11-12T00:00Z", "2026-11-14T00:00Z");
    var second = override("gina", null, "2026-11-13T00:00Z", "2026-11-15T00:00Z");

    var stretch =
        resolver(first, second)
            .between(Position.PRIMARY, at("2026-11-12T00:00Z"), at("2026-11-15T00:00Z"));

    assertThat(stretch)
        .containsExactly(
            primary("frank", Source.OVERRIDE, "2026-11-12T00:00Z", "2026-11-13T00:00Z"),
            primary("gina", Source.OVERRIDE, "2026-11-13T00:00Z", "2026-11-15T00:00Z"));
  }

  @Test
  void a_primary_override_leaves_level_two_alone() {
    var resolver =
        new OnCallResolver(
            Rotations.hausmeister(),
            new ScheduleChanges(
                List.of(hausmeisterOverride("2026-11-10T00:00Z", "2026-11-11T00:00Z")),
                List.of(),
                List.of()));

    OnCall onCall = resolver.onCallAt(at("2026-11-10T12:00Z"));

    assertThat(onCall.primary().member()).isEqualTo(MemberId.of("frank"));
    assertThat(onCall.secondaryAssignment().orElseThrow().member()).isEqualTo(MemberId.of("dora"));
  }

  private static ScheduleOverride hausmeisterOverride(String start, String end) {
    return new ScheduleOverride(
        null,
        RotationId.of("hausmeister"),
        Position.PRIMARY,
        MemberId.of("frank"),
        null,
        at(start),
        at(end),
        "dentist");
  }

  private static OnCallResolver resolver(ScheduleOverride... overrides) {
    return new OnCallResolver(
        Rotations.dagmeister(), new ScheduleChanges(List.of(overrides), List.of(), List.of()));
  }

  private static ScheduleOverride override(
      String covering, @Nullable String covered, String start, String end) {
    return new ScheduleOverride(
        null,
        RotationId.of("dagmeister"),
        Position.PRIMARY,
        MemberId.of(covering),
        covered == null ? null : MemberId.of(covered),
        at(start),
        at(end),
        "holiday");
  }

  private static Assignment primary(String member, Source source, String start, String end) {
    return new Assignment(Position.PRIMARY, MemberId.of(member), source, at(start), at(end));
  }
}
