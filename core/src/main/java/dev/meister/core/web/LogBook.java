package dev.meister.core.web;

import dev.meister.core.alert.AlertStore;
import dev.meister.core.filing.Break;
import dev.meister.core.filing.FailureCount;
import dev.meister.core.filing.TopFailures;
import dev.meister.core.flaky.FlakyTest;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The "Log book" page: the post-mortem log (the rows of {@code meister postmortem}), the top
 * failures, the root causes, and MTTA and MTTR per rotation and week (UTC weeks, from Monday).
 *
 * @param breaks the filtered log, newest first; the CSV download is {@link Break#csv} of these
 * @param top the most frequent failures (alerts grouped by fingerprint), with a bar length in
 *     percent
 * @param causes the resolved breaks counted by the root cause {@code /resolve} recorded (its
 *     reason), most frequent first
 * @param flaky the flakiest tests of the last 30 days: failed, then passed on a re-run of the same
 *     commit
 */
public record LogBook(
    Optional<String> rotation,
    Optional<String> source,
    List<Break> breaks,
    List<Bar> top,
    List<Bar> causes,
    List<Week> weeks,
    List<FlakyTest> flaky) {
  public static final int TOP = 10;

  public LogBook {
    breaks = List.copyOf(breaks);
    top = List.copyOf(top);
    causes = List.copyOf(causes);
    weeks = List.copyOf(weeks);
    flaky = List.copyOf(flaky);
  }

  /** This page with {@code tests} as its flakiest tests. */
  public LogBook withFlaky(List<FlakyTest> tests) {
    return new LogBook(rotation, source, breaks, top, causes, weeks, tests);
  }

  /** One bar of a chart: its label, value and length (percent of the longest). */
  public record Bar(String label, long value, double percent) {}

  /**
   * One rotation's week: how many alerts, and the mean minutes to acknowledge and to resolve (empty
   * when none was).
   */
  public record Week(
      String rotation,
      LocalDate monday,
      int alerts,
      Optional<Long> mttaMinutes,
      Optional<Long> mttrMinutes,
      double mttaPercent,
      double mttrPercent) {}

  public static LogBook of(
      List<Break> all, AlertStore alerts, Optional<String> rotation, Optional<String> source) {
    List<Break> breaks =
        all.stream().filter(b -> AlertsPage.matches(b.alert(), rotation, source)).toList();
    List<FailureCount> counts = TopFailures.of(breaks, TOP);
    long most = counts.stream().mapToLong(FailureCount::count).max().orElse(1);
    List<Bar> top =
        counts.stream().map(c -> new Bar(c.title(), c.count(), percent(c.count(), most))).toList();
    return new LogBook(
        rotation, source, breaks, top, causes(breaks), weeks(breaks, alerts), List.of());
  }

  /** One rotation's weeks, oldest first, for its MTTA and MTTR chart. */
  public record Chart(String rotation, List<Week> weeks) {
    public Chart {
      weeks = List.copyOf(weeks);
    }
  }

  /** The weeks grouped by rotation, in rotation order. */
  public List<Chart> charts() {
    Map<String, List<Week>> by = new TreeMap<>();
    for (Week w : weeks) {
      by.computeIfAbsent(w.rotation(), k -> new ArrayList<>()).add(w);
    }
    return by.entrySet().stream().map(e -> new Chart(e.getKey(), e.getValue())).toList();
  }

  /** How many breaks are not resolved yet, so have no root cause in {@link #causes}. */
  public long unresolved() {
    return breaks.stream().filter(b -> b.resolved().isEmpty()).count();
  }

  private static List<Bar> causes(List<Break> breaks) {
    Map<String, Long> counts = new java.util.LinkedHashMap<>();
    for (Break b : breaks) {
      b.resolved().ifPresent(r -> counts.merge(r.reason(), 1L, Long::sum));
    }
    long most = counts.values().stream().mapToLong(Long::longValue).max().orElse(1);
    return counts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(TOP)
        .map(e -> new Bar(e.getKey(), e.getValue(), percent(e.getValue(), most)))
        .toList();
  }

  /** The file {@code meister postmortem --csv} writes, for these rows. */
  public String csv() {
    return Break.csv(breaks);
  }

  private static List<Week> weeks(List<Break> breaks, AlertStore alerts) {
    Map<String, List<Long>> acks = new TreeMap<>();
    Map<String, List<Long>> fixes = new TreeMap<>();
    Map<String, Integer> counts = new TreeMap<>();
    for (Break b : breaks) {
      String rotation = b.alert().routedRotation().map(r -> r.value()).orElse("(none)");
      LocalDate monday =
          b.alert()
              .receivedAt()
              .atZone(ZoneOffset.UTC)
              .toLocalDate()
              .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      String key = rotation + "\u0000" + monday;
      counts.merge(key, 1, Integer::sum);
      acks.computeIfAbsent(key, k -> new ArrayList<>());
      fixes.computeIfAbsent(key, k -> new ArrayList<>());
      alerts
          .acknowledgement(b.alert().storedId())
          .ifPresent(
              a -> acks.get(key).add(Duration.between(b.alert().receivedAt(), a.at()).toMinutes()));
      b.resolved()
          .ifPresent(
              r ->
                  fixes.get(key).add(Duration.between(b.alert().receivedAt(), r.at()).toMinutes()));
    }
    long longest = 1;
    for (String key : counts.keySet()) {
      longest = Math.max(longest, mean(acks.getOrDefault(key, List.of())).orElse(0L));
      longest = Math.max(longest, mean(fixes.getOrDefault(key, List.of())).orElse(0L));
    }
    List<Week> weeks = new ArrayList<>();
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      String[] parts = e.getKey().split("\u0000", 2);
      Optional<Long> mtta = mean(acks.getOrDefault(e.getKey(), List.of()));
      Optional<Long> mttr = mean(fixes.getOrDefault(e.getKey(), List.of()));
      weeks.add(
          new Week(
              parts[0],
              LocalDate.parse(parts[1]),
              e.getValue(),
              mtta,
              mttr,
              percent(mtta.orElse(0L), longest),
              percent(mttr.orElse(0L), longest)));
    }
    return weeks;
  }

  private static Optional<Long> mean(List<Long> minutes) {
    if (minutes.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(Math.round(minutes.stream().mapToLong(Long::longValue).average().orElse(0)));
  }

  private static double percent(long value, long of) {
    return of <= 0 ? 0 : Math.round(value * 10000.0 / of) / 100.0;
  }
}
