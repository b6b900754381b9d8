package dev.meister.bot.jobs;

import dev.meister.bot.config.CronSchedule;
import dev.meister.core.schedule.RotationId;
import java.util.Map;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the rotations' issue reviews ({@code review: { cron, zone }}) on the bot's scheduler: one
 * cron job per rotation, in its zone, that posts the rotation's open issues to its chat. A missed
 * review is not caught up: the next week's comes as usual, and {@code /issues} answers any time.
 */
public final class ReviewSchedule {
  private static final Logger log = LoggerFactory.getLogger(ReviewSchedule.class);

  private ReviewSchedule() {}

  /** The job key of a rotation's review. */
  public static String key(RotationId rotation) {
    return "issue-review:" + rotation.value();
  }

  /**
   * Schedules every review.
   *
   * @param post posts the rotation's review; false when it could not
   */
  public static void schedule(
      Jobs jobs, Map<RotationId, CronSchedule> schedules, Predicate<RotationId> post) {
    schedules.forEach(
        (rotation, cron) -> {
          jobs.cron(
              cron.quartz(),
              cron.zone(),
              key(rotation),
              () -> {
                if (!post.test(rotation)) {
                  log.warn("issue review of '{}' not posted", rotation);
                }
              });
          log.info(
              "issue review of '{}' scheduled at '{}' {}; next {}",
              rotation,
              cron.written(),
              cron.zone(),
              jobs.nextFire(key(rotation)).map(Object::toString).orElse("never"));
        });
  }
}
