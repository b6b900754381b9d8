package dev.meister.core.filing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator.ReplaceUnderscores;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(ReplaceUnderscores.class)
class IssueTemplateTest {
  @Test
  void placeholders_are_replaced_and_missing_values_shown_as_a_question_mark() {
    IssueTemplate t = IssueTemplate.parse(IssuePlaceholders.GITHUB_TITLE, IssuePlaceholders.KNOWN);

    assertThat(t.render(Map.of("repo", "cmamp", "test_type", "fast")))
        .isEqualTo("Build fail - cmamp fast (?)");
  }

  @Test
  void an_unknown_placeholder_is_refused_naming_the_known_ones() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> IssueTemplate.parse("Build {repo} {tset_type}", Set.of("repo", "x")))
        .withMessage("unknown placeholder {tset_type}; known: {repo}, {x}");
  }

  @Test
  void a_value_with_regex_characters_is_inserted_as_is() {
    IssueTemplate t = IssueTemplate.parse("{title}", Set.of("title"));

    assertThat(t.render(Map.of("title", "cost $1 \\ more"))).isEqualTo("cost $1 \\ more");
  }
}
