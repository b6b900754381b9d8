package dev.meister.core.schedule;

import static dev.meister.core.schedule.Times.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meister.core.team.MemberId;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator.ReplaceUnderscores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayNameGeneration(ReplaceUnderscores.class)
class UnavailabilityTest {
  /** Alice is away Wednesday and Thursday of her first shift. */
  private static final Unavailability ALICE_AWAY = away("alice", null);

  @ParameterizedTest(name = "{0} -> {1} {2}")
  @CsvSource({
    "2026-11-10T23:59 Europe/Berlin, alice, REGULAR",
    "2026-11-11T00:00 Europe/Berlin, dan,   COVER",
    "2026-11-12T23:59 Europe/Berlin, dan,   COVER",
    "2026-11-13T00:00 Europe/Berlin, alice, REGULAR",
  })
  void a_named_cover_takes_the_days_the_member_is_away(String when, String member, Source source) {
    var resolver = resolver(UnavailabilityPolicy.SKIP_TO_NEXT, away("alice", "dan"));

    Assignment primary = resolver.assignmentAt(Position.PRIMARY, at(when)).orElseThrow();

    assertThat(primary.member()).isEqualTo(MemberId.of(member));
    assertThat(primary.source()).isEqualTo(source);
  }

  @ParameterizedTest(name = "{0} -> {1} {2}")
  @CsvSource({
    "2026-11-10T23:59 Europe/Berlin, alice, REGULAR",
    "2026-11-11T00:00 Europe/Berlin, bob,   COVER",
    "2026-11-12T23:59 Europe/Berlin, bob,   COVER",
    "2026-11-13T00:00 Europe/Berlin, alice, REGULAR",
  })
  void without_a_named_cover_the_next_member_in_the_roster_steps_in(
      String when, String member, Source source) {
    var resolver = resolver(UnavailabilityPolicy.SKIP_TO_NEXT, ALICE_AWAY);

    Assignment primary = resolver.assignmentAt(Position.PRIMARY, at(when)).orElseThrow();

    assertThat(primary.member()).isEqualTo(MemberId.of(member));
    assertThat(primary.source()).isEqualTo(source);
  }

  @Test
  void skipping_passes_over_a_next_member_who_is_away_too() {
    var resolver = resolver(UnavailabilityPolicy.SKIP_TO_NEXT, ALICE_AWAY, away("bob", null));

    Assignment primary =
        resolver.assignmentAt(Position.PRIMARY, at("2026-11-11T12:00 Europe/Berlin")).orElseThrow();

    assertThat(primary.member()).isEqualTo(MemberId.of("carol"));
    assertThat(primary.source()).isEqualTo(Source.COVER);
  }

  @Test
  void the_cover_stretch_runs_from_midnight_to_midnight_in_the_rotation_zone() {
    var resolver = resolver(UnavailabilityPolicy.SKIP_TO_NEXT, ALICE_AWAY);

    Assignment primary =
        resolver.assignmentAt(Position.PRIMARY, at("2026-11-11T12:00 Europe/Berlin")).orElseThrow();

    assertThat(primary)
        .isEqualTo(
            new Assignment(
                Position.PRIMARY,
                MemberId.of("bob"),
                Source.COVER,
                at("2026-11-10T23:00Z"),
                at("2026-11-12T23:00Z")));
  }

  @Test
  void with_the_keep_policy_the_member_stays_on_call() {
    var resolver = resolver(UnavailabilityPolicy.KEEP, ALICE_AWAY);

    Assignment primary =
        resolver.assignmentAt(Position.PRIMARY, at("2026-11-11T12:00 Europe/Berlin")).orElseThrow();

    assertThat(primary.member()).isEqualTo(MemberId.of("alice"));
    assertThat(primary.source()).isEqualTo(Source.REGULAR);
  }

  private static OnCallResolver resolver(UnavailabilityPolicy policy, Unavailability... away) {
    return new OnCallResolver(
        Rotations.dagmeister(policy), new ScheduleChanges(List.of(), List.of(), List.of(away)));
  }

  private static Unavailability away(String member, @Nullable String coveredBy) {
    return new Unavailability(
        null,
        MemberId.of(member),
        LocalDate.of(2026, 11, 11),
        LocalDate.of(2026, 11, 12),
        coveredBy == null ? null : MemberId.of(coveredBy),
        "conference");
  }
}
