package dev.meister.core.schedule;

import static dev.meister.core.schedule.Times.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meister.core.team.MemberId;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator.ReplaceUnderscores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayNameGeneration(ReplaceUnderscores.class)
class SwapsTest {
  private static final Swap FIRST_TWO_SHIFTS =
      swap(
          "dagmeister",
          SwapLayer.PRIMARY,
          "2026-11-09T11:00 Europe/Berlin",
          "2026-11-23T11:00 Europe/Berlin");

  @ParameterizedTest(name = "{0} -> {1} {2}")
  @CsvSource({
    "2026-11-09T11:00 Europe/Berlin, bob,   SWAP",
    "2026-11-23T10:59 Europe/Berlin, bob,   SWAP",
    "2026-11-23T11:00 Europe/Berlin, alice, SWAP",
    "2026-12-07T10:59 Europe/Berlin, alice, SWAP",
    "2026-12-07T11:00 Europe/Berlin, carol, REGULAR",
    "2026-11-09T10:59 Europe/Berlin, carol, REGULAR",
  })
  void swapped_shifts_exchange_their_members(String when, String member, Source source) {
    var resolver = resolver(Rotations.dagmeister(), FIRST_TWO_SHIFTS);

    Assignment primary = resolver.assignmentAt(Position.PRIMARY, at(when)).orElseThrow();

    assertThat(primary.member()).isEqualTo(MemberId.of(member));
    assertThat(primary.source()).isEqualTo(source);
  }

  @ParameterizedTest(name = "{0} -> {1} {2}")
  @CsvSource({
    "2026-11-13T17:00 Europe/Berlin, fiona, SWAP",
    "2026-11-20T17:00 Europe/Berlin, erik,  SWAP",
    "2026-11-16T11:00 Europe/Berlin, bob,   REGULAR",
    "2026-11-27T17:00 Europe/Berlin, erik,  WEEKEND",
  })
  void swapped_weekends_exchange_their_members(String when, String member, Source source) {
    var weekends =
        swap(
            "hausmeister",
            SwapLayer.WEEKEND,
            "2026-11-13T17:00 Europe/Berlin",
            "2026-11-20T17:00 Europe/Berlin");
    var resolver = resolver(Rotations.hausmeister(), weekends);

    Assignment primary = resolver.assignmentAt(Position.PRIMARY, at(when)).orElseThrow();

    assertThat(primary.member()).isEqualTo(MemberId.of(member));
    assertThat(primary.source()).isEqualTo(source);
  }

  @Test
  void a_valid_swap_has_no_problems() {
    var resolver = resolver(Rotations.dagmeister());

    assertThat(resolver.problems(FIRST_TWO_SHIFTS)).isEmpty();
  }

  @Test
  void a_swap_not_on_shift_starts_is_reported_and_ignored() {
    var offBoundary =
        swap(
            "dagmeister",
            SwapLayer.PRIMARY,
            "2026-11-10T11:00 Europe/Berlin",
            "2026-11-23T11:00 Europe/Berlin");
    var resolver = resolver(Rotations.dagmeister(), offBoundary);

    var problems = resolver.problems(offBoundary);
    var primary = resolver.assignmentAt(Position.PRIMARY, at("2026-11-10T12:00Z")).orElseThrow();

    assertThat(problems)
        .containsExactly(
            "Tue 2026-11-10 11:00 (Europe/Berlin) is not the start of a primary shift of"
                + " 'dagmeister'");
    assertThat(primary.member()).isEqualTo(MemberId.of("alice"));
    assertThat(primary.source()).isEqualTo(Source.REGULAR);
  }

  @Test
  void a_weekend_swap_on_a_rotation_without_weekends_is_reported() {
    var weekend =
        swap(
            "dagmeister",
            SwapLayer.WEEKEND,
            "2026-11-13T17:00 Europe/Berlin",
            "2026-11-20T17:00 Europe/Berlin");

    var problems = resolver(Rotations.dagmeister()).problems(weekend);

    assertThat(problems).containsExactly("rotation 'dagmeister' has no weekend shifts");
  }

  @Test
  void swapping_two_shifts_of_the_same_member_is_reported() {
    var aliceWithAlice =
        swap(
            "dagmeister",
            SwapLayer.PRIMARY,
            "2026-11-09T11:00 Europe/Berlin",
            "2026-12-21T11:00 Europe/Berlin");

    var problems = resolver(Rotations.dagmeister()).problems(aliceWithAlice);

    assertThat(problems).containsExactly("both shifts belong to alice; there is nothing to swap");
  }

  private static OnCallResolver resolver(Rotation rotation, Swap... swaps) {
    return new OnCallResolver(rotation, new ScheduleChanges(List.of(), List.of(swaps), List.of()));
  }

  private static Swap swap(String rotation, SwapLayer layer, String first, String second) {
    return new Swap(null, RotationId.of(rotation), layer, at(first), at(second));
  }
}
