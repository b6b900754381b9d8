package dev.meister.bot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Cron expressions Quartz accepts but that would never fire are refused when read. */
class CronScheduleTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final Instant NOW = Instant.parse("2026-12-03T06:00:00Z");

  @ParameterizedTest
  @ValueSource(
      strings = {
        "0 8 30 2 *", // the 30th of February
        "0 8 31 4 *", // the 31st of April
        "0 0 8 31 11 ?", // the 31st of November, Quartz syntax
        "0 0 8 * * ? 2020", // only a year gone by
        "0 0 8 ? * MON 2021-2025",
      })
  void a_schedule_that_never_fires_is_refused_saying_so(String cron) {
    assertThatThrownBy(() -> CronSchedule.parse(cron, BERLIN, NOW))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "cron '"
                + cron
                + "' never fires (no such day, or only years gone by); check the day, month and"
                + " year fields");
  }

  @Test
  void rare_days_and_future_years_are_schedules() {
    assertThat(CronSchedule.parse("0 8 29 2 *", BERLIN, NOW).nextAfter(NOW))
        .contains(Instant.parse("2028-02-29T07:00:00Z"));
    assertThat(CronSchedule.parse("0 0 8 * * ? 2027", BERLIN, NOW).nextAfter(NOW))
        .contains(Instant.parse("2027-01-01T07:00:00Z"));
    // Still ahead on the day it is read: this year's last one.
    assertThat(CronSchedule.parse("0 0 8 31 12 ? 2026", BERLIN, NOW).nextAfter(NOW))
        .contains(Instant.parse("2026-12-31T07:00:00Z"));
  }

  @Test
  void this_years_schedule_is_refused_once_its_last_firing_has_passed() {
    Instant afterNewYearsEve = Instant.parse("2027-01-01T00:00:00Z");
    assertThatThrownBy(() -> CronSchedule.parse("0 0 8 31 12 ? 2026", BERLIN, afterNewYearsEve))
        .hasMessageContaining("never fires");
  }
}
