package dev.meister.core.filing;

import static dev.meister.core.filing.FailureExtractorTest.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator.ReplaceUnderscores;
import org.junit.jupiter.api.Test;

/**
 * Root-cause groups out of the real job logs. Seed 002: "If the failures are not connected to each
 * other, file separate issues for each of the potential root cause" and "Keep issues grouped
 * according to the codebase organization".
 */
@DisplayNameGeneration(ReplaceUnderscores.class)
class FailureGroupTest {
  private final FailureExtractor extractor = new FailureExtractor(30);

  private List<FailureGroup> groups(String log) {
    return FailureGroup.of(extractor.byTest(log));
  }

  @Test
  void unconnected_failures_in_one_surefire_run_are_two_root_causes() throws Exception {
    List<FailureGroup> groups = groups(fixture("maven-surefire.failure.log"));

    assertThat(groups)
        .extracting(FailureGroup::cause)
        .containsExactly(
            new RootCause(
                new CodeArea("com.example.billing"),
                new ErrorSignature(
                    "org.opentest4j.AssertionFailedError: expected: <<n>> but was: <<n>>")),
            new RootCause(
                new CodeArea("com.example.billing"),
                new ErrorSignature(
                    "java.lang.NullPointerException: Cannot invoke \"String.trim()\" because"
                        + " \"code\" is null")));
    assertThat(groups.get(1).tests())
        .containsExactly("com.example.billing.InvoiceTest.parsesCurrency");
    // Both in one package: the titles tell them apart by the error's name.
    assertThat(groups)
        .extracting(g -> g.label(groups))
        .containsExactly(
            "com.example.billing AssertionFailedError", "com.example.billing NullPointerException");
    assertThat(groups.get(1).trace())
        .containsExactly(
            "java.lang.NullPointerException: Cannot invoke \"String.trim()\" because \"code\" is"
                + " null",
            "\tat com.example.billing.Currency.parse(Currency.java:23)",
            "\tat com.example.billing.InvoiceTest.parsesCurrency(InvoiceTest.java:71)");
  }

  @Test
  void pytest_failures_are_grouped_by_test_directory_and_error_line() throws Exception {
    List<FailureGroup> groups = groups(fixture("pytest-fast-tests.failure.log"));

    assertThat(groups)
        .extracting(g -> g.cause().area().path() + " | " + g.cause().signature().text())
        .containsExactly(
            "knowledge_graph/vendors | KeyError: \"['legacy_id'] not found in axis\"",
            "knowledge_graph/vendors/nbsc | AssertionError:",
            "automl/hypotheses | AssertionError: dir='<path>' doesn't exist or it's not a dir");
    assertThat(groups.get(0).trace())
        .first()
        .isEqualTo(
            "_________________________ TestClean.test_clean _________________________________");
    assertThat(groups.get(0).trace())
        .last()
        .isEqualTo("E   KeyError: \"['legacy_id'] not found in axis\"");
    assertThat(groups.get(2).trace()).noneMatch(l -> l.contains("TestClean"));
  }

  @Test
  void a_later_run_failing_a_subset_of_a_group_has_the_same_root_cause() throws Exception {
    String full = fixture("pytest-fast-tests.failure.log");
    // The same run with only test_clean failing: the other two tests pass this time.
    String subset =
        full.lines()
            .filter(l -> !l.contains("FAILED knowledge_graph/vendors/nbsc"))
            .filter(l -> !l.contains("FAILED automl/"))
            .collect(Collectors.joining("\n"));

    List<FailureGroup> later = groups(subset);

    assertThat(later).hasSize(1);
    assertThat(later.get(0).cause()).isEqualTo(groups(full).get(0).cause());
    assertThat(later.get(0).cause().fingerprint("acme/widgets"))
        .isEqualTo(groups(full).get(0).cause().fingerprint("acme/widgets"));
  }

  @Test
  void tests_of_one_area_with_the_same_error_share_one_group() {
    String log =
        String.join(
            "\n",
            "FAILED helpers/test/test_dbg.py::TestA::test1 - ValueError: bad row 17 in /tmp/x1/a.csv",
            "FAILED helpers/test/test_io.py::TestB::test2 - ValueError: bad row 4 in /tmp/y9/b.csv",
            "FAILED helpers/test/test_io.py::TestB::test3 - TypeError: no");

    List<FailureGroup> groups = groups(log);

    assertThat(groups).hasSize(2);
    assertThat(groups.get(0).tests())
        .containsExactly(
            "helpers/test/test_dbg.py::TestA::test1", "helpers/test/test_io.py::TestB::test2");
    assertThat(groups.get(0).cause())
        .isEqualTo(
            new RootCause(
                new CodeArea("helpers"), new ErrorSignature("ValueError: bad row <n> in <path>")));
  }

  @Test
  void go_failures_are_grouped_by_package_and_a_parent_joins_its_subtest() {
    String log =
        String.join(
            "\n",
            "2026-11-23T05:00:00.0000000Z === RUN   TestParse",
            "2026-11-23T05:00:00.1000000Z --- FAIL: TestParse (0.00s)",
            "2026-11-23T05:00:00.2000000Z     parse_test.go:12: got 3, want 4",
            "2026-11-23T05:00:00.3000000Z --- FAIL: TestRound (0.01s)",
            "2026-11-23T05:00:00.4000000Z     --- FAIL: TestRound/half_even (0.00s)",
            "2026-11-23T05:00:00.4500000Z         round_test.go:30: rounding is off",
            "2026-11-23T05:00:00.5000000Z FAIL",
            "2026-11-23T05:00:00.6000000Z FAIL\texample.com/widgets/money\t0.012s");

    List<FailureGroup> groups = groups(log);

    assertThat(groups)
        .extracting(g -> g.cause().area().path() + " | " + g.cause().signature().text())
        .containsExactly(
            "example.com/widgets/money | parse_test.go:<n>: got <n>, want <n>",
            "example.com/widgets/money | round_test.go:<n>: rounding is off");
    assertThat(groups.get(1).tests()).containsExactly("TestRound", "TestRound/half_even");
  }
}
