package dev.meister.core.filing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meister.core.alert.Glob;
import dev.meister.core.buildhint.BuildHint;
import dev.meister.core.chat.RichText;
import dev.meister.core.chat.Span;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator.ReplaceUnderscores;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(ReplaceUnderscores.class)
class BuildReportTest {
  private static final String TEST =
      "knowledge_graph/vendors/test/test_utils.py::TestClean::test_clean";

  // Seed 002: "Post on the `CK build notifications` Telegram channel what tests broke, e.g.,
  // `FAILED knowledge_graph/vendors/test/test_utils.py::TestClean::test_clean`".
  @Test
  void the_tests_that_broke_are_listed_as_failed_lines_in_a_code_block() {
    RichText text =
        new BuildReport(
                List.of(TEST, "automl/test/test_rh.py::TestRh::test1"), List.of(), List.of())
            .message()
            .orElseThrow()
            .text();

    assertThat(text.plainText())
        .isEqualTo(
            "\uD83E\uDDEA 2 tests broke:FAILED "
                + TEST
                + "\nFAILED automl/test/test_rh.py::TestRh::test1");
    assertThat(text.spans())
        .contains(
            new Span.CodeBlock(
                "FAILED " + TEST + "\nFAILED automl/test/test_rh.py::TestRh::test1"));
  }

  @Test
  void more_tests_than_the_cap_end_with_and_n_more() {
    List<String> tests =
        IntStream.rangeClosed(1, BuildReport.MAX_TESTS + 3)
            .mapToObj(i -> "t.py::T::test" + i)
            .toList();

    String text =
        new BuildReport(tests, List.of(), List.of()).message().orElseThrow().text().plainText();

    assertThat(text)
        .startsWith("\uD83E\uDDEA 13 tests broke:")
        .contains("FAILED t.py::T::test10")
        .doesNotContain("test11")
        .endsWith("… and 3 more");
  }

  @Test
  void a_log_that_cannot_be_read_is_said() {
    String text =
        new BuildReport(
                List.of(),
                List.of(new UnreadableLog("run_fast_tests", "GitHub refused (410): Gone")),
                List.of())
            .message()
            .orElseThrow()
            .text()
            .plainText();

    assertThat(text)
        .isEqualTo(
            "⚠️ Could not read the log of job run_fast_tests (GitHub refused (410): Gone); its"
                + " failing tests are not listed.");
  }

  @Test
  void a_hint_found_in_the_logs_follows_the_tests_with_its_runbook() {
    BuildHint hint =
        new BuildHint(
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.of(Glob.of("update_amp_submodule")),
            Optional.empty(),
            "update the amp pointer manually",
            Optional.of("https://wiki.example.com/amp"));

    String text =
        new BuildReport(List.of(TEST), List.of(), List.of(hint))
            .message()
            .orElseThrow()
            .text()
            .plainText();

    assertThat(text).endsWith("\n💡 update the amp pointer manually (Runbook)");
  }

  @Test
  void nothing_is_said_when_the_logs_name_no_test_and_no_hint_matches() {
    assertThat(new BuildReport(List.of(), List.of(), List.of()).message()).isEmpty();
  }
}
