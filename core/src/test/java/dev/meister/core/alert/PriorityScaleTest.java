package dev.meister.core.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator.ReplaceUnderscores;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(ReplaceUnderscores.class)
class PriorityScaleTest {
  /** Seed 001: "P4 Very high priority", "P3 High priority", "P2/P1 Medium/low priority". */
  private static final PriorityScale HAUSMEISTER =
      new PriorityScale(List.of("P4", "P3", "P2", "P1"));

  @Test
  void seed_001s_scale_puts_P4_first_and_its_P4_P3_issues_are_the_top_two() {
    assertThat(HAUSMEISTER.highest()).isEqualTo("P4");
    assertThat(HAUSMEISTER.lowest()).isEqualTo("P1");
    assertThat(HAUSMEISTER.top(2)).containsExactly("P4", "P3");
    assertThat(HAUSMEISTER.atLeast("P3", "P3")).isTrue();
    assertThat(HAUSMEISTER.atLeast("P2", "P3")).isFalse();
    assertThat(HAUSMEISTER.atLeast("P4", "P3")).isTrue();
  }

  @Test
  void the_default_scale_is_P1_critical() {
    assertThat(PriorityScale.DEFAULT.highest()).isEqualTo("P1");
    assertThat(PriorityScale.DEFAULT.atLeast("P1", "P2")).isTrue();
    assertThat(PriorityScale.DEFAULT.atLeast("P4", "P2")).isFalse();
  }

  @Test
  void levels_are_matched_case_insensitively_and_spelled_as_the_scale_does() {
    assertThat(HAUSMEISTER.level(" p4 ")).contains("P4");
    assertThat(HAUSMEISTER.level("P5")).isEmpty();
    assertThat(HAUSMEISTER.rank("p1")).contains(3);
    assertThat(HAUSMEISTER.parse(List.of("p4", "P3")).levels()).containsExactly("P4", "P3");
    assertThat(HAUSMEISTER.parse(List.of("P4", "urgent")).unknown()).contains("urgent");
  }

  @Test
  void ordering_puts_the_most_urgent_first_and_unknown_or_missing_levels_last() {
    List<Optional<String>> labels =
        new ArrayList<>(
            List.of(
                Optional.of("P1"),
                Optional.empty(),
                Optional.of("P4"),
                Optional.of("later"),
                Optional.of("P3")));
    labels.sort(HAUSMEISTER.highestFirst());
    assertThat(labels)
        .containsExactly(
            Optional.of("P4"),
            Optional.of("P3"),
            Optional.of("P1"),
            Optional.empty(),
            Optional.of("later"));
  }

  @Test
  void a_scale_needs_distinct_levels() {
    assertThatThrownBy(() -> new PriorityScale(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PriorityScale(List.of("P1", "p1")))
        .hasMessageContaining("listed twice");
  }
}
