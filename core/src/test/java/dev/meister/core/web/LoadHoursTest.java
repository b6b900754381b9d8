package dev.meister.core.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class LoadHoursTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  @Test
  void a_plain_week_has_45_work_hours_75_night_hours_and_48_weekend_hours() {
    LoadHours week = week(LocalDate.of(2026, 11, 16), BERLIN);

    assertThat(week).isEqualTo(new LoadHours(hours(45), hours(75), hours(48)));
  }

  @Test
  void the_week_the_clocks_go_forward_has_a_weekend_an_hour_shorter() {
    // Sunday 29 March 2026, 02:00 → 03:00 in Berlin.
    LoadHours week = week(LocalDate.of(2026, 3, 23), BERLIN);

    assertThat(week).isEqualTo(new LoadHours(hours(45), hours(75), hours(47)));
    assertThat(week.total()).isEqualTo(hours(167));
  }

  @Test
  void the_week_the_clocks_go_back_has_a_weekend_an_hour_longer() {
    // Sunday 1 November 2026, 02:00 → 01:00 in New York.
    LoadHours week = week(LocalDate.of(2026, 10, 26), NEW_YORK);

    assertThat(week).isEqualTo(new LoadHours(hours(45), hours(75), hours(49)));
  }

  @Test
  void work_hours_follow_the_local_clock_not_utc_across_the_change() {
    // Monday 07:00-09:00 UTC: 08:00-10:00 in winter time, 09:00-11:00 in summer time.
    LoadHours winter =
        LoadHours.of(
            Instant.parse("2026-03-23T07:00:00Z"), Instant.parse("2026-03-23T09:00:00Z"), BERLIN);
    LoadHours summer =
        LoadHours.of(
            Instant.parse("2026-03-30T07:00:00Z"), Instant.parse("2026-03-30T09:00:00Z"), BERLIN);

    assertThat(winter).isEqualTo(new LoadHours(hours(1), hours(1), Duration.ZERO));
    assertThat(summer).isEqualTo(new LoadHours(hours(2), Duration.ZERO, Duration.ZERO));
  }

  @Test
  void a_friday_evening_into_saturday_is_night_then_weekend() {
    // Friday 20 Nov 17:00 to Saturday 02:00 Berlin.
    LoadHours evening =
        LoadHours.of(
            Instant.parse("2026-11-20T16:00:00Z"), Instant.parse("2026-11-21T01:00:00Z"), BERLIN);

    assertThat(evening).isEqualTo(new LoadHours(hours(1), hours(6), hours(2)));
  }

  @Test
  void hours_are_written_with_one_decimal() {
    assertThat(LoadHours.hours(Duration.ofMinutes(90))).isEqualTo("1.5");
    assertThat(LoadHours.hours(Duration.ZERO)).isEqualTo("0.0");
  }

  private static LoadHours week(LocalDate monday, ZoneId zone) {
    return LoadHours.of(
        monday.atStartOfDay(zone).toInstant(),
        monday.plusDays(7).atStartOfDay(zone).toInstant(),
        zone);
  }

  private static Duration hours(long h) {
    return Duration.ofHours(h);
  }
}
