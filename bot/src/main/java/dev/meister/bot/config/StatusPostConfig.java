package dev.meister.bot.config;

import dev.meister.core.status.StatusPlan;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One entry of {@code status_posts}: what to show and where, and when to post it daily.
 *
 * @param schedule when the daily post goes out; absent for a board only asked for by {@code
 *     /status}
 */
public record StatusPostConfig(StatusPlan plan, @Nullable CronSchedule schedule) {
  public Optional<CronSchedule> scheduleIfAny() {
    return Optional.ofNullable(schedule);
  }

  public String name() {
    return plan.board().name();
  }
}
