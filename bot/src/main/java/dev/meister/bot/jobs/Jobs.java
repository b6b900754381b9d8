package dev.meister.bot.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TimeZone;
import java.util.concurrent.ConcurrentHashMap;
import org.quartz.CronScheduleBuilder;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.StdSchedulerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's one scheduler: Quartz with its in-memory job store. Each job is a {@link Runnable}
 * under a key; scheduling a key again replaces its trigger. Nothing here is durable on purpose:
 * whoever schedules keeps the state that matters in Meister's own tables and schedules again on
 * start. A failing job is logged and keeps its schedule.
 */
public final class Jobs implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Jobs.class);
  private static final String GROUP = "meister";

  private final Scheduler scheduler;
  private final Clock clock;
  private final Map<String, Runnable> tasks = new ConcurrentHashMap<>();

  private Jobs(Scheduler scheduler, Clock clock) {
    this.scheduler = scheduler;
    this.clock = clock;
  }

  /**
   * Starts a scheduler with {@code threads} worker threads.
   *
   * @param clock where periodic jobs count their first period from, the same clock the callers
   *     compute their {@link #at} instants with
   */
  public static Jobs start(int threads, Clock clock) {
    Properties p = new Properties();
    // A unique name: several bots (tests) in one JVM must not share Quartz's scheduler registry.
    p.setProperty("org.quartz.scheduler.instanceName", "meister-" + System.identityHashCode(p));
    p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
    p.setProperty("org.quartz.threadPool.threadCount", Integer.toString(threads));
    p.setProperty("org.quartz.threadPool.makeThreadsDaemons", "true");
    p.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
    p.setProperty("org.quartz.jobStore.misfireThreshold", "60000");
    try {
      Scheduler s = new StdSchedulerFactory(p).getScheduler();
      Jobs jobs = new Jobs(s, clock);
      s.setJobFactory((bundle, sched) -> new RunTask(jobs.tasks));
      s.start();
      return jobs;
    } catch (SchedulerException e) {
      throw new IllegalStateException("starting the scheduler failed", e);
    }
  }

  /** Runs {@code task} once at {@code at} (at once if that has passed), replacing {@code key}. */
  public void at(Instant at, String key, Runnable task) {
    schedule(
        key,
        task,
        TriggerBuilder.newTrigger()
            .startAt(Date.from(at))
            .withSchedule(
                SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow()));
  }

  /** Runs {@code task} every {@code period}, the first time after one period. */
  public void every(Duration period, String key, Runnable task) {
    schedule(
        key,
        task,
        TriggerBuilder.newTrigger()
            .startAt(Date.from(clock.instant().plus(period)))
            .withSchedule(
                SimpleScheduleBuilder.simpleSchedule()
                    .withIntervalInMilliseconds(period.toMillis())
                    .repeatForever()
                    .withMisfireHandlingInstructionNextWithRemainingCount()));
  }

  /** Runs {@code task} every day at {@code time} in {@code zone}; DST moves with the zone. */
  public void daily(LocalTime time, ZoneId zone, String key, Runnable task) {
    cron("0 " + time.getMinute() + " " + time.getHour() + " * * ?", zone, key, task);
  }

  /**
   * Runs {@code task} on a Quartz cron expression (seconds first, e.g. {@code 0 0 9 ? * MON-FRI})
   * read in {@code zone}.
   *
   * @throws IllegalArgumentException when the expression is not valid
   */
  public void cron(String expression, ZoneId zone, String key, Runnable task) {
    CronScheduleBuilder cron;
    try {
      cron =
          CronScheduleBuilder.cronSchedule(expression)
              .inTimeZone(TimeZone.getTimeZone(zone))
              .withMisfireHandlingInstructionFireAndProceed();
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "'" + expression + "' is not a Quartz cron expression: " + e.getMessage(), e);
    }
    schedule(key, task, TriggerBuilder.newTrigger().withSchedule(cron));
  }

  /**
   * The Quartz scheduler underneath, for code that builds its own triggers (such as the status
   * posts' schedule) so the bot still runs one scheduler.
   */
  public Scheduler quartz() {
    return scheduler;
  }

  /** Tells {@code listener} about every job the scheduler runs, e.g. to measure its lag. */
  public void observe(org.quartz.JobListener listener) {
    try {
      scheduler.getListenerManager().addJobListener(listener);
    } catch (SchedulerException e) {
      throw new IllegalStateException("adding the job listener failed", e);
    }
  }

  /** When {@code key} fires next, if it is scheduled and will fire again. */
  public Optional<Instant> nextFire(String key) {
    try {
      Trigger t = scheduler.getTrigger(TriggerKey.triggerKey(key, GROUP));
      return Optional.ofNullable(t == null ? null : t.getNextFireTime()).map(Date::toInstant);
    } catch (SchedulerException e) {
      throw new IllegalStateException("reading trigger " + key + " failed", e);
    }
  }

  /** Stops {@code key}; false if it was not scheduled. */
  public boolean cancel(String key) {
    tasks.remove(key);
    try {
      return scheduler.deleteJob(JobKey.jobKey(key, GROUP));
    } catch (SchedulerException e) {
      throw new IllegalStateException("cancelling " + key + " failed", e);
    }
  }

  private void schedule(String key, Runnable task, TriggerBuilder<? extends Trigger> trigger) {
    JobDetail job =
        JobBuilder.newJob(RunTask.class)
            .withIdentity(key, GROUP)
            .usingJobData(RunTask.KEY, key)
            .build();
    Trigger t = trigger.withIdentity(key, GROUP).forJob(job).build();
    tasks.put(key, task);
    try {
      scheduler.scheduleJob(job, java.util.Set.of(t), true);
    } catch (SchedulerException e) {
      throw new IllegalStateException("scheduling " + key + " failed", e);
    }
  }

  @Override
  public void close() {
    try {
      scheduler.shutdown(true);
    } catch (SchedulerException e) {
      log.warn("stopping the scheduler failed", e);
    }
  }

  /** The Quartz job behind every key: looks its task up and runs it, never twice at once. */
  @DisallowConcurrentExecution
  static final class RunTask implements Job {
    static final String KEY = "task";
    private final Map<String, Runnable> tasks;

    RunTask(Map<String, Runnable> tasks) {
      this.tasks = tasks;
    }

    @Override
    public void execute(JobExecutionContext context) {
      String key = context.getMergedJobDataMap().getString(KEY);
      Runnable task = key == null ? null : tasks.get(key);
      if (task == null) {
        return;
      }
      try {
        task.run();
      } catch (RuntimeException e) {
        log.error("scheduled job {} failed; it keeps its schedule", key, e);
      }
    }
  }
}
