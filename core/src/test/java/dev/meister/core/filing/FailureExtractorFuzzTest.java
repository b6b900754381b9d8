package dev.meister.core.filing;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The job-log failure extractor on hostile logs (a GitHub job log is whatever the build printed):
 * it names failed tests and a trace of at most the configured lines (and a line counting the rest),
 * or nothing, and never throws or hangs. The error signature of what it found is computed too, as
 * filing does.
 *
 * <p>Seeds: {@code FailureExtractorFuzzTestInputs/}, the real pytest and Surefire logs.
 */
class FailureExtractorFuzzTest {
  private static final int MAX_TRACE_LINES = 12;
  private static final FailureExtractor EXTRACTOR = new FailureExtractor(MAX_TRACE_LINES);

  @FuzzTest(maxDuration = "60s")
  void every_log_gives_failures_or_none(byte[] input) {
    String log = new String(input, StandardCharsets.UTF_8);

    Failures failures = EXTRACTOR.extract(log);
    capped(failures.trace());
    assertThat(failures.tests())
        .doesNotHaveDuplicates()
        .allSatisfy(t -> assertThat(t).isNotBlank());

    List<TestFailure> byTest = EXTRACTOR.byTest(log);
    for (TestFailure f : byTest) {
      assertThat(f.test()).isNotBlank();
      capped(f.trace());
      assertThat(f.rootCause()).isNotNull();
      assertThat(ErrorSignature.of(f.errorLine())).isNotNull();
    }
  }

  /** At most the configured lines, and then one saying how many more there were. */
  private static void capped(List<String> trace) {
    assertThat(trace).hasSizeLessThanOrEqualTo(MAX_TRACE_LINES + 1);
    if (trace.size() == MAX_TRACE_LINES + 1) {
      assertThat(trace.get(MAX_TRACE_LINES)).matches("… \\(\\d+ more lines\\)");
    }
  }
}
