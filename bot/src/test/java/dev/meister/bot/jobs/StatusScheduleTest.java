package dev.meister.bot.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meister.bot.config.CronSchedule;
import dev.meister.bot.config.StatusPostConfig;
import dev.meister.core.chat.ChatRef;
import dev.meister.core.chat.Platform;
import dev.meister.core.status.Stage;
import dev.meister.core.status.StatusBoard;
import dev.meister.core.status.StatusPlan;
import dev.meister.core.status.StatusPosts;
import dev.meister.core.status.StatusReader;
import dev.meister.core.status.TaskSelector;
import dev.meister.storage.Storage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class StatusScheduleTest {
  @TempDir Path dir;

  private static StatusPostConfig post(String name, @Nullable CronSchedule schedule) {
    StatusBoard board =
        new StatusBoard(
            name,
            "prod-dagao",
            "prod",
            List.of(new Stage("All", List.of(TaskSelector.of("*")), List.of())),
            ZoneId.of("America/Sao_Paulo"));
    return new StatusPostConfig(
        new StatusPlan(
            board,
            List.of(ChatRef.of(Platform.TELEGRAM, "-100")),
            Duration.ofMinutes(5),
            Duration.ofHours(8)),
        schedule);
  }

  @Test
  void each_scheduled_post_fires_at_its_cron_time_in_its_zone_and_the_poll_repeats() {
    CronSchedule seven = CronSchedule.parse("0 7 * * MON-FRI", ZoneId.of("America/Sao_Paulo"));
    StatusPostConfig scheduled = post("dagao", seven);
    StatusPostConfig onDemand = post("adhoc", null);
    try (Storage storage = Storage.open(dir.resolve("m.db"), Clock.systemUTC());
        Jobs jobs = Jobs.start(1, Clock.systemUTC())) {
      StatusPosts posts =
          new StatusPosts(
              List.of(scheduled.plan(), onDemand.plan()),
              new StatusReader(Map.of(), Clock.systemUTC()),
              storage.statusPosts(),
              storage.outbox(),
              storage.database(),
              Clock.systemUTC());

      StatusSchedule.schedule(
          jobs, posts, List.of(scheduled, onDemand), Duration.ofSeconds(15), Clock.systemUTC());

      Instant next = jobs.nextFire(StatusSchedule.postKey("dagao")).orElseThrow();
      assertThat(next).isEqualTo(seven.nextAfter(Instant.now()).orElseThrow());
      assertThat(next.atZone(ZoneId.of("America/Sao_Paulo")).getHour()).isEqualTo(7);
      assertThat(jobs.nextFire(StatusSchedule.postKey("adhoc"))).isEmpty();
      assertThat(jobs.nextFire(StatusSchedule.POLL_KEY)).isPresent();
    }
  }

  @Test
  void a_bot_started_after_todays_post_time_still_posts_while_the_run_may_be_followed() {
    // 07:00 in São Paulo is 10:00 UTC; the post follows its run for 8 h.
    List<StatusPostConfig> configs =
        List.of(post("dagao", CronSchedule.parse("0 7 * * *", ZoneId.of("America/Sao_Paulo"))));

    assertThat(StatusSchedule.missedToday(configs, Instant.parse("2026-11-23T09:59:00Z")))
        .isEmpty();
    assertThat(StatusSchedule.missedToday(configs, Instant.parse("2026-11-23T10:05:00Z")))
        .containsExactly("dagao");
    assertThat(StatusSchedule.missedToday(configs, Instant.parse("2026-11-23T18:00:00Z")))
        .isEmpty();
  }
}
