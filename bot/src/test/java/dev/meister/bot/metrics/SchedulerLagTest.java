package dev.meister.bot.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meister.bot.jobs.Jobs;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SchedulerLagTest {
  @Test
  void every_job_the_scheduler_runs_records_how_late_it_started() throws Exception {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    CountDownLatch ran = new CountDownLatch(2);
    try (Jobs jobs = Jobs.start(1, Clock.systemUTC())) {
      jobs.observe(new SchedulerLag(registry));

      jobs.at(Clock.systemUTC().instant(), "first", ran::countDown);
      jobs.at(Clock.systemUTC().instant(), "second", ran::countDown);

      assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
    }
    Timer lag = registry.get("meister.scheduler.lag").timer();
    assertThat(lag.count()).isEqualTo(2);
    assertThat(lag.totalTime(TimeUnit.MILLISECONDS)).isGreaterThanOrEqualTo(0.0);
  }
}
