package dev.meister.bot.status;

import dev.meister.bot.config.CronSchedule;
import dev.meister.bot.config.StatusPostConfig;
import dev.meister.core.status.StatusPosts;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.TimeZone;
import org.quartz.CronScheduleBuilder;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDataMap;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the status posts on a Quartz scheduler: one cron trigger per scheduled post (in its time
 * zone) that posts the day's status, and one repeating trigger that polls the posts being followed
 * and edits them. The timing rules themselves (is a poll due, has the deadline passed) live in
 * {@link StatusPosts} and take a clock, so they are tested without a scheduler.
 */
public final class StatusSchedule implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(StatusSchedule.class);
  static final String GROUP = "status-posts";
  private static final String POSTS = "posts";
  private static final String BOARD = "board";

  private final Scheduler scheduler;
  private final boolean ownsScheduler;

  private StatusSchedule(Scheduler scheduler, boolean ownsScheduler) {
    this.scheduler = scheduler;
    this.ownsScheduler = ownsScheduler;
  }

  /**
   * Schedules the posts on {@code scheduler}, which the caller starts and shuts down.
   *
   * @param tick how often the followed posts are checked; each post polls Airflow at its own
   *     interval
   */
  public static StatusSchedule on(Scheduler scheduler, StatusPosts posts,
      List<StatusPostConfig> configs, Duration tick) throws SchedulerException {
    StatusSchedule schedule = new StatusSchedule(scheduler, false);
    schedule.add(posts, configs, tick);
    return schedule;
  }

  /** Schedules the posts on a scheduler of their own, started now and stopped by {@link #close}. */
  public static StatusSchedule start(StatusPosts posts, List<StatusPostConfig> configs,
      Duration tick) throws SchedulerException {
    Properties p = new Properties();
    p.setProperty("org.quartz.scheduler.instanceName", "meister-status");
    p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
    p.setProperty("org.quartz.threadPool.threadCount", "2");
    p.setProperty("org.quartz.threadPool.makeThreadsDaemons", "true");
    p.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
    Scheduler scheduler = new StdSchedulerFactory(p).getScheduler();
    StatusSchedule schedule = new StatusSchedule(scheduler, true);
    schedule.add(posts, configs, tick);
    scheduler.start();
    return schedule;
  }

  private void add(StatusPosts posts, List<StatusPostConfig> configs, Duration tick)
      throws SchedulerException {
    for (StatusPostConfig config : configs) {
      if (config.schedule() == null) {
        continue;
      }
      CronSchedule cron = config.schedule();
      JobDataMap data = new JobDataMap();
      data.put(POSTS, posts);
      data.put(BOARD, config.name());
      JobDetail job = JobBuilder.newJob(PublishJob.class)
          .withIdentity("post:" + config.name(), GROUP).usingJobData(data).build();
      Trigger trigger = TriggerBuilder.newTrigger()
          .withIdentity("post:" + config.name(), GROUP)
          .withSchedule(CronScheduleBuilder.cronSchedule(cron.expression())
              .inTimeZone(TimeZone.getTimeZone(cron.zone()))
              // Late (the bot was busy or paused): post once now rather than not at all.
              .withMisfireHandlingInstructionFireAndProceed())
          .build();
      scheduler.scheduleJob(job, trigger);
      log.info("status post '{}' scheduled at '{}' {}; next {}", config.name(), cron.written(),
          cron.zone(), trigger.getNextFireTime());
    }
    JobDataMap data = new JobDataMap();
    data.put(POSTS, posts);
    JobDetail poll = JobBuilder.newJob(PollJob.class).withIdentity("poll", GROUP)
        .usingJobData(data).build();
    scheduler.scheduleJob(poll, TriggerBuilder.newTrigger().withIdentity("poll", GROUP)
        .startNow()
        .withSchedule(SimpleScheduleBuilder.simpleSchedule()
            .withIntervalInMilliseconds(tick.toMillis()).repeatForever()
            .withMisfireHandlingInstructionNextWithRemainingCount())
        .build());
  }

  /** The scheduler the posts run on. */
  public Scheduler scheduler() {
    return scheduler;
  }

  @Override
  public void close() throws SchedulerException {
    if (ownsScheduler) {
      scheduler.shutdown(true);
    } else {
      scheduler.deleteJobs(new java.util.ArrayList<>(scheduler.getJobKeys(
          org.quartz.impl.matchers.GroupMatcher.jobGroupEquals(GROUP))));
    }
  }

  private static StatusPosts posts(JobDataMap data) {
    return (StatusPosts) java.util.Objects.requireNonNull(data.get(POSTS), "job data " + POSTS);
  }

  /** Posts one board's status for today. */
  @DisallowConcurrentExecution
  public static final class PublishJob implements Job {
    @Override
    public void execute(JobExecutionContext context) {
      JobDataMap data = context.getMergedJobDataMap();
      String board = data.getString(BOARD);
      try {
        int posted = posts(data).publish(board);
        log.info("status post '{}': {} posted", board, posted);
      } catch (RuntimeException e) {
        // Logged, not rethrown: Quartz would only log it too, and the next day must still fire.
        log.error("status post '{}' failed", board, e);
      }
    }
  }

  /** Polls the followed posts whose time has come. */
  @DisallowConcurrentExecution
  public static final class PollJob implements Job {
    @Override
    public void execute(JobExecutionContext context) {
      try {
        posts(context.getMergedJobDataMap()).pollDue();
      } catch (RuntimeException e) {
        log.error("polling the status posts failed; next tick tries again", e);
      }
    }
  }
}
