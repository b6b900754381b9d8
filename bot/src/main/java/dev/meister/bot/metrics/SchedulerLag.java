package dev.meister.bot.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Date;
import org.jspecify.annotations.Nullable;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.JobListener;

/**
 * {@code meister_scheduler_lag_seconds}: how late each scheduled job started after the moment its
 * trigger was due. Lag grows when the scheduler's threads are all busy (a slow duty, a database
 * that stalls), so hand-offs and escalations go out late.
 */
public final class SchedulerLag implements JobListener {
  private final Timer lag;

  public SchedulerLag(MeterRegistry registry) {
    this.lag =
        Timer.builder("meister.scheduler.lag")
            .description("How late scheduled jobs started after their trigger was due")
            .serviceLevelObjectives(
                Duration.ofMillis(10),
                Duration.ofMillis(100),
                Duration.ofSeconds(1),
                Duration.ofSeconds(5),
                Duration.ofSeconds(30),
                Duration.ofMinutes(1))
            .register(registry);
  }

  @Override
  public String getName() {
    return "meister-scheduler-lag";
  }

  @Override
  public void jobToBeExecuted(JobExecutionContext context) {
    @Nullable Date scheduled = context.getScheduledFireTime();
    @Nullable Date fired = context.getFireTime();
    if (scheduled != null && fired != null) {
      Duration late = Duration.between(scheduled.toInstant(), fired.toInstant());
      lag.record(late.isNegative() ? Duration.ZERO : late);
    }
  }

  @Override
  public void jobExecutionVetoed(JobExecutionContext context) {}

  @Override
  public void jobWasExecuted(
      JobExecutionContext context, @Nullable JobExecutionException jobException) {}
}
