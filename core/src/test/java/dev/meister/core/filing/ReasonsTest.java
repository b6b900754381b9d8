package dev.meister.core.filing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator.ReplaceUnderscores;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(ReplaceUnderscores.class)
class ReasonsTest {
  private final Reasons reasons =
      new Reasons(
          List.of(
              "Merged a branch with broken tests",
              "Master was not merged in a branch",
              "Underlying data changed"));

  @Test
  void a_reason_is_picked_by_number_by_words_or_by_a_unique_start() {
    assertThat(reasons.match("2")).isEqualTo("Master was not merged in a branch");
    assertThat(reasons.match("underlying DATA changed")).isEqualTo("Underlying data changed");
    assertThat(reasons.match("merged")).isEqualTo("Merged a branch with broken tests");
  }

  @Test
  void text_that_is_no_reason_is_answered_with_the_list() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> reasons.match("cosmic rays"))
        .withMessage(
            "'cosmic rays' is not one of the reasons. Reasons:\n"
                + "1. Merged a branch with broken tests\n2. Master was not merged in a branch\n"
                + "3. Underlying data changed");
  }
}
