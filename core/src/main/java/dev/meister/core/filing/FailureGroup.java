package dev.meister.core.filing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The failing tests of one run that share a {@link RootCause}, with the first one's trace: what one
 * issue lists.
 */
public record FailureGroup(RootCause cause, List<String> tests, List<String> trace) {
  public FailureGroup {
    tests = List.copyOf(tests);
    trace = List.copyOf(trace);
  }

  /** These failures as an issue body lists them. */
  public Failures failures() {
    return new Failures(tests, trace);
  }

  /**
   * {@code failures} grouped by root cause, in the order the log first names each; a test named
   * twice (two jobs) counts once.
   */
  public static List<FailureGroup> of(List<TestFailure> failures) {
    Map<RootCause, List<TestFailure>> byCause = new LinkedHashMap<>();
    for (TestFailure f : failures) {
      List<TestFailure> group = byCause.computeIfAbsent(f.rootCause(), c -> new ArrayList<>());
      if (group.stream().noneMatch(g -> g.test().equals(f.test()))) {
        group.add(f);
      }
    }
    List<FailureGroup> groups = new ArrayList<>();
    byCause.forEach(
        (cause, tests) ->
            groups.add(
                new FailureGroup(
                    cause,
                    tests.stream().map(TestFailure::test).toList(),
                    tests.stream()
                        .map(TestFailure::trace)
                        .filter(t -> !t.isEmpty())
                        .findFirst()
                        .orElse(List.of()))));
    return groups;
  }
}
