package dev.meister.bot.jobs;

import dev.meister.bot.config.CronSchedule;
import dev.meister.bot.config.StatusPostConfig;
import dev.meister.core.status.StatusPosts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the status posts on the bot's scheduler: one cron job per scheduled post (in its time zone)
 * that posts the day's status, and one repeating job that polls the posts being followed and edits
 * them. The timing rules themselves (is a poll due, has the deadline passed) live in {@link
 * StatusPosts} and take a clock, so they are tested without a scheduler.
 */
public final class StatusSchedule {
  private static final Logger log = LoggerFactory.getLogger(StatusSchedule.class);
  static final String POLL_KEY = "status-posts:poll";

  private StatusSchedule() {}

  /** The job key of a post's daily trigger. */
  public static String postKey(String board) {
    return "status-posts:post:" + board;
  }

  /**
   * Schedules every post that has a schedule, and the poll.
   *
   * @param tick how often the followed posts are checked; each post polls Airflow at its own
   *     interval
   */
  public static void schedule(
      Jobs jobs, StatusPosts posts, List<StatusPostConfig> configs, Duration tick, Clock clock) {
    for (StatusPostConfig config : configs) {
      CronSchedule cron = config.schedule();
      if (cron == null) {
        continue;
      }
      String board = config.name();
      jobs.cron(
          cron.quartz(),
          cron.zone(),
          postKey(board),
          () -> {
            int posted = posts.publish(board);
            log.info("status post '{}': {} posted", board, posted);
          });
      log.info(
          "status post '{}' scheduled at '{}' {}; next {}",
          board,
          cron.written(),
          cron.zone(),
          jobs.nextFire(postKey(board)).map(Object::toString).orElse("never"));
    }
    if (!posts.plans().isEmpty()) {
      jobs.every(tick, POLL_KEY, posts::pollDue);
    }
    Instant now = clock.instant();
    for (String board : missedToday(configs, now)) {
      // Posting is once per day and chat, so this posts nothing when today's post exists.
      jobs.at(now, postKey(board) + ":catch-up", () -> posts.publish(board));
    }
  }

  /**
   * The posts whose time today has passed but whose run may still be followed (within {@code
   * stop_after} of that time): a bot started late still posts them.
   */
  static List<String> missedToday(List<StatusPostConfig> configs, Instant now) {
    List<String> missed = new ArrayList<>();
    for (StatusPostConfig config : configs) {
      CronSchedule cron = config.schedule();
      if (cron == null) {
        continue;
      }
      cron.lastFireToday(now)
          .filter(fired -> now.isBefore(fired.plus(config.plan().stopAfter())))
          .ifPresent(fired -> missed.add(config.name()));
    }
    return missed;
  }
}
