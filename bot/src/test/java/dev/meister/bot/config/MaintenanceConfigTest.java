package dev.meister.bot.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meister.core.alert.AlertSource;
import dev.meister.core.pipeline.RunSchedule;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code maintenance}: planned silences, once or recurring, with the routes' match fields. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class MaintenanceConfigTest {
  /** Lines 1-12; whatever a test appends starts on line 13. */
  private static final String BASE =
      """
      team:
        members:
          danny: { name: Danny }
      rotations:
        de-standby:
          name: DE standby
          zone: UTC
          shift: 1w
          handoff: { day: monday, time: "09:00" }
          anchor: 2026-11-02
          roster: [danny]
      maintenance:
      """;

  @TempDir Path dir;
  private ConfigFixture fixture;

  @BeforeEach
  void setUp() {
    fixture = new ConfigFixture(dir);
  }

  @Test
  void a_one_off_window_reads_its_times_in_its_zone_and_a_recurring_one_its_cron()
      throws ConfigException {
    MeisterConfig config =
        fixture.load(
            BASE
                + """
                  - match: { source: airflow, dag: "ohlcv_*" }
                    from: "2026-12-05T22:00"
                    to: "2026-12-06T02:00"
                    zone: Europe/Berlin
                    reason: Exchange maintenance
                    quiet: true
                  - match: { repo: cryptokaizen/cmamp, branch: "feature/*" }
                    cron: "0 22 * * SAT"
                    zone: Europe/Berlin
                    duration: 4h
                    include_high: true
                  - { all: true, from: "2026-12-24T00:00:00Z", to: "2026-12-27T00:00:00Z", reason: Holidays }
                """);

    List<MaintenanceConfig> windows = config.maintenance();
    assertThat(windows).hasSize(3);
    MaintenanceConfig once = windows.get(0);
    assertThat(once.match().source()).isEqualTo(AlertSource.AIRFLOW);
    assertThat(once.match().dag()).isEqualTo("ohlcv_*");
    assertThat(once.from()).isEqualTo(Instant.parse("2026-12-05T21:00:00Z"));
    assertThat(once.to()).isEqualTo(Instant.parse("2026-12-06T01:00:00Z"));
    assertThat(once.reason()).isEqualTo("Exchange maintenance");
    assertThat(once.quiet()).isTrue();
    assertThat(once.includeHigh()).isFalse();
    MaintenanceConfig weekly = windows.get(1);
    assertThat(weekly.match().branch()).isEqualTo("feature/*");
    assertThat(weekly.duration()).isEqualTo(Duration.ofHours(4));
    assertThat(weekly.includeHigh()).isTrue();
    RunSchedule schedule = java.util.Objects.requireNonNull(weekly.schedule());
    // Sat 5 Dec 22:00 CET.
    assertThat(schedule.firstAfter(Instant.parse("2026-12-01T00:00:00Z")))
        .hasValue(Instant.parse("2026-12-05T21:00:00Z"));
    assertThat(windows.get(2).match().isCatchAll()).isTrue();
  }

  @Test
  void mistakes_are_reported_with_their_lines() {
    assertThat(
            fixture.problems(
                BASE
                    + """
                  - match: { pipeline: ohlcv }
                    from: "2026-12-05T22:00"
                    to: "2026-12-05T21:00"
                  - from: "2026-12-05T22:00"
                    to: "2026-12-06T02:00"
                  - match: { dag: "ohlcv_*" }
                    cron: "0 22 * * SAT"
                  - match: { dag: "ohlcv_*" }
                    cron: "0 25 * * SAT"
                    duration: 31d
                  - match: { dag: "ohlcv_*" }
                    from: "2026-12-05T22:00"
                    cron: "0 22 * * SAT"
                  - match: {}
                    from: "soon"
                    to: "2026-12-06T02:00"
                    zone: Europe/Berln
                """))
        .containsExactly(
            "meister.yml:13: maintenance[0].match.pipeline: unknown key 'pipeline'",
            "meister.yml:15: maintenance[0].to: 'to' must be after 'from'",
            "meister.yml:16: maintenance[1]: a maintenance window needs a 'match' (e.g. { dag:"
                + " \"ohlcv_*\" }); to silence every alert, say 'all: true'",
            "meister.yml:18: maintenance[2]: missing required field 'duration'",
            "meister.yml:21: maintenance[3].cron: hour '25' is not a number from 0 to 23",
            "meister.yml:22: maintenance[3].duration: a window lasts at most 30 days ('30d')",
            "meister.yml:23: maintenance[4]: a window is either 'from'/'to' or 'cron' with"
                + " 'duration', not both",
            "meister.yml:26: maintenance[5].match: an empty match silences every alert; say 'all:"
                + " true' to mean it",
            "meister.yml:27: maintenance[5].from: 'soon' must be a local date-time like"
                + " 2026-12-21T11:00 or an instant with offset like 2026-12-21T10:00:00Z",
            "meister.yml:29: maintenance[5].zone: unknown time zone 'Europe/Berln' (did you mean"
                + " 'Europe/Berlin'?)");
  }
}
