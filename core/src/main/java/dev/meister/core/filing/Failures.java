package dev.meister.core.filing;

import java.util.List;

/**
 * What a failed job's log says went wrong.
 *
 * @param tests the failing test ids in the order the log names them, without repeats, e.g. {@code
 *     tests/test_x.py::TestX::test_y} or {@code com.example.InvoiceTest.roundsHalfEven}
 * @param trace the first error block, trimmed and capped; empty when the log has none
 */
public record Failures(List<String> tests, List<String> trace) {
  public Failures {
    tests = List.copyOf(tests);
    trace = List.copyOf(trace);
  }

  public static Failures none() {
    return new Failures(List.of(), List.of());
  }

  public boolean isEmpty() {
    return tests.isEmpty() && trace.isEmpty();
  }

  /** These failures followed by {@code other}'s tests; the first trace found is kept. */
  public Failures and(Failures other) {
    java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>(tests);
    all.addAll(other.tests);
    return new Failures(List.copyOf(all), trace.isEmpty() ? other.trace : trace);
  }
}
