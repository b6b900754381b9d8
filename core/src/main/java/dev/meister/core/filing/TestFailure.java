package dev.meister.core.filing;

import java.util.List;

/**
 * One failing test as its job log shows it.
 *
 * @param test the test id, as {@link Failures#tests()} names it
 * @param area where the test lives
 * @param errorLine its first error line as logged; empty when the log shows none
 * @param trace its error block, capped like {@link Failures#trace()}
 */
public record TestFailure(String test, CodeArea area, String errorLine, List<String> trace) {
  public TestFailure {
    trace = List.copyOf(trace);
  }

  public RootCause rootCause() {
    return new RootCause(area, ErrorSignature.of(errorLine));
  }
}
