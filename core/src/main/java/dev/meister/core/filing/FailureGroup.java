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
   * How a reply or title names this group among the run's {@code all}: its area, and its error's
   * name when another group of the run has the same area.
   */
  public String label(List<FailureGroup> all) {
    CodeArea area = cause.area();
    long sameArea = all.stream().filter(g -> g.cause().area().equals(area)).count();
    String error = cause.errorName();
    return sameArea > 1 && !error.isEmpty() ? area + " " + error : area.toString();
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
