package dev.meister.bot.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * Cron expressions and durations as written in the configuration, on hostile text: each is read, or
 * refused with {@link IllegalArgumentException} (which the loader turns into a located problem, as
 * for one that never fires); a schedule read fires again and answers its next firing and today's
 * last one without an exception or a hang, in zones with daylight saving and odd offsets.
 *
 * <p>Seeds: {@code ScheduleTextFuzzTestInputs/}.
 */
class ScheduleTextFuzzTest {
  private static final List<ZoneId> ZONES =
      List.of(
          ZoneId.of("Europe/Berlin"),
          ZoneId.of("Asia/Kathmandu"),
          ZoneId.of("Australia/Lord_Howe"));

  /** Just before the spring change in Berlin and a day after Lord Howe's half-hour one. */
  private static final List<Instant> TIMES =
      List.of(Instant.parse("2026-03-29T00:59:30Z"), Instant.parse("2026-10-05T14:00:00Z"));

  @FuzzTest(maxDuration = "60s")
  void every_text_is_a_schedule_or_a_refusal(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);

    try {
      Duration d = Durations.positive(text);
      assertThat(d).isPositive();
    } catch (IllegalArgumentException refused) {
      assertThat(refused.getMessage()).isNotBlank();
    }

    for (ZoneId zone : ZONES) {
      CronSchedule schedule;
      try {
        schedule = CronSchedule.parse(text, zone);
      } catch (IllegalArgumentException refused) {
        assertThat(refused.getMessage()).isNotBlank();
        continue;
      }
      for (Instant t : TIMES) {
        // A schedule read fires again after now, so after these earlier instants too: one that
        // never fires is a refusal, not a value.
        Optional<Instant> next = schedule.nextAfter(t);
        assertThat(next).hasValueSatisfying(n -> assertThat(n).isAfter(t));
        Optional<Instant> last = schedule.lastFireToday(t);
        last.ifPresent(l -> assertThat(l).isBeforeOrEqualTo(t));
      }
    }
  }
}
