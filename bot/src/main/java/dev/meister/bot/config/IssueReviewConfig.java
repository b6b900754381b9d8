package dev.meister.bot.config;

import dev.meister.core.schedule.RotationId;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rotations' issue reviews ({@code /issues} and the weekly post).
 *
 * @param staleAfter per rotation that sets {@code stale_after}: how long without activity on GitHub
 *     makes an open issue stale (the others use 7 days)
 * @param schedules per rotation that sets {@code review: { cron, zone }}: when its open issues are
 *     posted to its chat, e.g. the Buildmeister's weekly "BUILD - Breaks" review
 * @param helpChannels per rotation that sets {@code help_channels}: the chats where a message that
 *     mentions the bot is a question for its on-call, listed by {@code /issues} until it is done
 */
public record IssueReviewConfig(
    Map<RotationId, Duration> staleAfter,
    Map<RotationId, CronSchedule> schedules,
    Map<RotationId, List<ChatTarget>> helpChannels) {
  public IssueReviewConfig {
    staleAfter = Collections.unmodifiableMap(new LinkedHashMap<>(staleAfter));
    schedules = Collections.unmodifiableMap(new LinkedHashMap<>(schedules));
    helpChannels = Collections.unmodifiableMap(new LinkedHashMap<>(helpChannels));
  }

  public static IssueReviewConfig none() {
    return new IssueReviewConfig(Map.of(), Map.of(), Map.of());
  }
}
