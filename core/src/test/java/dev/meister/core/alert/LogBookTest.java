package dev.meister.core.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meister.core.filing.Break;
import dev.meister.core.filing.Resolution;
import dev.meister.core.schedule.RotationId;
import dev.meister.core.team.MemberId;
import dev.meister.core.web.LogBook;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * The log book page model's charts, over the in-memory alert store (here, beside it): the top
 * failures, the root causes, and MTTA and MTTR per rotation and week.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class LogBookTest {
  /** Monday 23 Nov 2026, 08:00 UTC. */
  private static final Instant MONDAY = Instant.parse("2026-11-23T08:00:00Z");

  private final InMemoryAlertStore alerts = new InMemoryAlertStore();
  private final List<Break> breaks = new ArrayList<>();

  @Test
  void the_top_failures_count_alerts_of_one_fingerprint_longest_bar_first() {
    add("fast", "buildmeister", MONDAY, 10, 60, "flaky test");
    add("fast", "buildmeister", MONDAY.plusSeconds(3600), 20, 120, "flaky test");
    add("slow", "buildmeister", MONDAY.plusSeconds(7200), null, null, null);

    LogBook page = page();

    assertThat(page.top())
        .containsExactly(
            new LogBook.Bar("Build fail - fast", 2, 100.0),
            new LogBook.Bar("Build fail - slow", 1, 50.0));
  }

  @Test
  void the_root_causes_count_resolved_breaks_by_their_reason() {
    add("a", "buildmeister", MONDAY, null, 30, "flaky test");
    add("b", "buildmeister", MONDAY, null, 30, "broken master");
    add("c", "buildmeister", MONDAY, null, 30, "broken master");
    add("d", "buildmeister", MONDAY, null, 30, "broken master");
    add("e", "buildmeister", MONDAY, null, null, null);

    LogBook page = page();

    assertThat(page.causes())
        .containsExactly(
            new LogBook.Bar("broken master", 3, 100.0), new LogBook.Bar("flaky test", 1, 33.33));
    assertThat(page.unresolved()).isEqualTo(1);
  }

  @Test
  void mtta_and_mttr_are_means_per_rotation_and_utc_week_charted_per_rotation() {
    add("a", "buildmeister", MONDAY, 10, 60, "flaky test");
    add("b", "buildmeister", MONDAY.plusSeconds(86400), 30, 120, "flaky test");
    add("c", "buildmeister", MONDAY.plusSeconds(7 * 86400), null, null, null);
    add("d", "dagmeister", MONDAY, 5, null, null);

    LogBook page = page();

    assertThat(page.charts())
        .extracting(LogBook.Chart::rotation)
        .containsExactly("buildmeister", "dagmeister");
    List<LogBook.Week> build = page.charts().get(0).weeks();
    assertThat(build)
        .extracting(
            LogBook.Week::monday,
            LogBook.Week::alerts,
            LogBook.Week::mttaMinutes,
            LogBook.Week::mttrMinutes)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                LocalDate.of(2026, 11, 23), 2, Optional.of(20L), Optional.of(90L)),
            org.assertj.core.groups.Tuple.tuple(
                LocalDate.of(2026, 11, 30), 1, Optional.empty(), Optional.empty()));
    // The longest mean of the page (90 min) is the full bar.
    assertThat(build.get(0).mttrPercent()).isEqualTo(100.0);
    assertThat(build.get(0).mttaPercent()).isEqualTo(22.22);
    assertThat(page.charts().get(1).weeks().get(0).mttaMinutes()).contains(5L);
  }

  @Test
  void filters_narrow_the_charts_too() {
    add("a", "buildmeister", MONDAY, 10, 60, "flaky test");
    add("d", "dagmeister", MONDAY, 5, 30, "bad data");

    LogBook page = LogBook.of(breaks, alerts, Optional.of("dagmeister"), Optional.empty());

    assertThat(page.charts()).extracting(LogBook.Chart::rotation).containsExactly("dagmeister");
    assertThat(page.causes()).extracting(LogBook.Bar::label).containsExactly("bad data");
    assertThat(page.top()).extracting(LogBook.Bar::label).containsExactly("Build fail - d");
  }

  private LogBook page() {
    return LogBook.of(breaks, alerts, Optional.empty(), Optional.empty());
  }

  /** A break of {@code name}, acknowledged and resolved after so many minutes (null: not). */
  private void add(
      String name,
      String rotation,
      Instant at,
      @Nullable Integer ackMinutes,
      @Nullable Integer fixMinutes,
      @Nullable String reason) {
    Alert alert =
        alerts
            .record(
                new Alert(
                    null,
                    "github:" + name + at,
                    "gh:" + name,
                    RotationId.of(rotation),
                    "builds",
                    AlertPriority.NONE,
                    "Build fail - " + name,
                    at,
                    at,
                    GitHubRun.builder("cryptokaizen/cmamp").runId(1L).branch("master").build()))
            .alert();
    if (ackMinutes != null) {
      alerts.acknowledge(
          new Acknowledgement(
              alert.storedId(),
              MemberId.of("bob"),
              at.plusSeconds(60L * ackMinutes),
              AckChannel.BUTTON));
    }
    Resolution fix =
        fixMinutes == null || reason == null
            ? null
            : new Resolution(
                alert.storedId(), reason, "retried", "bob", at.plusSeconds(60L * fixMinutes));
    breaks.add(0, new Break(alert, null, fix));
  }
}
