package dev.meister.core.filing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator.ReplaceUnderscores;
import org.junit.jupiter.api.Test;

/** Failing tests and traces out of the real GitHub Actions logs in the shared fixtures. */
@DisplayNameGeneration(ReplaceUnderscores.class)
class FailureExtractorTest {
  static String fixture(String name) throws Exception {
    // Copies of shared/fixtures/github/logs, on the test classpath.
    return Files.readString(
        Path.of(
            java.util.Objects.requireNonNull(
                    FailureExtractorTest.class.getResource("/fixtures/github/logs/" + name))
                .toURI()));
  }

  private final FailureExtractor extractor = new FailureExtractor(30);

  @Test
  void a_pytest_log_gives_every_failed_test_id_in_order() throws Exception {
    Failures f = extractor.extract(fixture("pytest-fast-tests.failure.log"));

    assertThat(f.tests())
        .containsExactly(
            "knowledge_graph/vendors/test/test_utils.py::TestClean::test_clean",
            "knowledge_graph/vendors/nbsc/test/test_nbsc_utils.py::TestExposeNBSCMetadata"
                + "::test_expose_nbsc_metadata",
            "automl/hypotheses/test/test_rh_generator.py::TestRhGenerator::test1");
  }

  @Test
  void a_pytest_log_gives_the_first_failure_block_without_timestamps() throws Exception {
    Failures f = extractor.extract(fixture("pytest-fast-tests.failure.log"));

    assertThat(f.trace())
        .first()
        .asString()
        .isEqualTo(
            "_________________________ TestClean.test_clean _________________________________");
    assertThat(f.trace())
        .last()
        .asString()
        .isEqualTo("E   KeyError: \"['legacy_id'] not found in axis\"");
    assertThat(f.trace()).noneMatch(l -> l.startsWith("2026-11-23T"));
    assertThat(f.trace()).noneMatch(l -> l.contains("TestExposeNBSCMetadata"));
  }

  @Test
  void the_trace_is_capped_at_n_lines_and_says_how_many_were_left_out() throws Exception {
    Failures f = new FailureExtractor(3).extract(fixture("pytest-fast-tests.failure.log"));

    assertThat(f.trace()).hasSize(4);
    assertThat(f.trace().get(3)).isEqualTo("… (9 more lines)");
  }

  @Test
  void a_surefire_log_gives_failures_and_errors_with_the_first_stack_trace() throws Exception {
    Failures f = extractor.extract(fixture("maven-surefire.failure.log"));

    assertThat(f.tests())
        .containsExactly(
            "com.example.billing.InvoiceTest.roundsHalfEven",
            "com.example.billing.InvoiceTest.parsesCurrency");
    assertThat(f.trace())
        .containsExactly(
            "org.opentest4j.AssertionFailedError: expected: <10.02> but was: <10.03>",
            "\tat org.junit.jupiter.api.AssertionFailureBuilder.build(AssertionFailureBuilder.java:151)",
            "\tat com.example.billing.InvoiceTest.roundsHalfEven(InvoiceTest.java:57)");
  }

  @Test
  void old_surefire_summaries_are_read_when_no_test_line_names_the_class() {
    String log =
        String.join(
            "\n",
            "Results :",
            "",
            "Failed tests: ",
            "  InvoiceTest.roundsHalfEven:57 expected:<10.02> but was:<10.03>",
            "Tests in error: ",
            "  InvoiceTest.parsesCurrency:71 NullPointer",
            "",
            "Tests run: 148, Failures: 1, Errors: 1, Skipped: 2");

    assertThat(extractor.extract(log).tests())
        .containsExactly("InvoiceTest.roundsHalfEven", "InvoiceTest.parsesCurrency");
  }

  @Test
  void go_test_failures_and_their_output_are_read() {
    String log =
        String.join(
            "\n",
            "2026-11-23T05:00:00.0000000Z === RUN   TestParse",
            "2026-11-23T05:00:00.1000000Z --- FAIL: TestParse (0.00s)",
            "2026-11-23T05:00:00.2000000Z     parse_test.go:12: got 3, want 4",
            "2026-11-23T05:00:00.3000000Z --- FAIL: TestRound (0.01s)",
            "2026-11-23T05:00:00.4000000Z     --- FAIL: TestRound/half_even (0.00s)",
            "2026-11-23T05:00:00.5000000Z FAIL");

    Failures f = extractor.extract(log);

    assertThat(f.tests()).containsExactly("TestParse", "TestRound", "TestRound/half_even");
    assertThat(f.trace())
        .containsExactly("--- FAIL: TestParse (0.00s)", "    parse_test.go:12: got 3, want 4");
  }

  @Test
  void a_log_without_tests_gives_none() {
    assertThat(extractor.extract("2026-11-23T05:00:00Z npm ERR! missing script: build\n").isEmpty())
        .isTrue();
  }
}
