package dev.meister.core.filing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The most common failures among some breaks, grouped by fingerprint. */
public final class TopFailures {
  private TopFailures() {}

  /** Most frequent first; ties go to the most recent. {@code breaks} are newest first. */
  public static List<FailureCount> of(List<Break> breaks, int limit) {
    Map<String, List<Break>> groups = new LinkedHashMap<>();
    for (Break b : breaks) {
      groups.computeIfAbsent(b.alert().fingerprint(), k -> new ArrayList<>()).add(b);
    }
    List<FailureCount> counts = new ArrayList<>();
    for (Map.Entry<String, List<Break>> e : groups.entrySet()) {
      Break newest = e.getValue().get(0);
      IssueRef issue =
          e.getValue().stream()
              .filter(b -> b.issue() != null)
              .map(b -> b.issueLink().orElseThrow().issue())
              .findFirst()
              .orElse(null);
      counts.add(
          new FailureCount(
              e.getKey(),
              newest.alert().title(),
              e.getValue().size(),
              newest.alert().receivedAt(),
              issue));
    }
    counts.sort(
        Comparator.comparingInt(FailureCount::count)
            .reversed()
            .thenComparing(FailureCount::last, Comparator.reverseOrder()));
    return counts.size() > limit ? counts.subList(0, limit) : counts;
  }
}
