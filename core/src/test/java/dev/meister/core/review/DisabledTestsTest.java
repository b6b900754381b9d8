package dev.meister.core.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meister.core.chat.AlertId;
import dev.meister.core.filing.Resolution;
import java.time.Instant;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seed 002's post-mortem "Solution" column: "Failing tests were disabled, i.e. problem was not
 * solved", as opposed to "Problem that led to the break was solved".
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DisabledTestsTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "Failing tests were disabled, i.e. problem was not solved",
        "Tests disabled",
        "disabling test_clean until the data is back",
        "Skipped TestClean for now",
        "marked xfail"
      })
  void a_solution_that_disabled_the_failing_tests_is_recognised(String solution) {
    assertThat(DisabledTests.by(resolution("Flaky test", solution))).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Problem that led to the break was solved",
        "Reverted the merge",
        "Re-enabled after the fix"
      })
  void a_solution_that_solved_the_problem_is_not(String solution) {
    assertThat(DisabledTests.by(resolution("Merged a branch with broken tests", solution)))
        .isFalse();
  }

  @Test
  void a_reason_saying_so_counts_too() {
    assertThat(DisabledTests.by(resolution("Tests disabled by the owner", "see #12"))).isTrue();
  }

  private static Resolution resolution(String reason, String solution) {
    return new Resolution(
        new AlertId(1), reason, solution, "bob", Instant.parse("2026-11-25T09:00:00Z"));
  }
}
