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
 * @param flakyRates per rotation that sets {@code review: { flaky_rate }}: the failure rate (a
 *     share between 0 and 1) beyond which a flaky test is listed in its weekly review
 */
public record IssueReviewConfig(
    Map<RotationId, Duration> staleAfter,
    Map<RotationId, CronSchedule> schedules,
    Map<RotationId, List<ChatTarget>> helpChannels,
    Map<RotationId, Double> flakyRates) {
  public IssueReviewConfig {
    staleAfter = Collections.unmodifiableMap(new LinkedHashMap<>(staleAfter));
    schedules = Collections.unmodifiableMap(new LinkedHashMap<>(schedules));
    helpChannels = Collections.unmodifiableMap(new LinkedHashMap<>(helpChannels));
    flakyRates = Collections.unmodifiableMap(new LinkedHashMap<>(flakyRates));
  }

  public IssueReviewConfig(
      Map<RotationId, Duration> staleAfter,
      Map<RotationId, CronSchedule> schedules,
      Map<RotationId, List<ChatTarget>> helpChannels) {
    this(staleAfter, schedules, helpChannels, Map.of());
  }

  /**
   * Reads {@code flaky_rate}: a percentage such as {@code 20%} or a share such as {@code 0.2},
   * above 0 and below 100%.
   */
  static double flakyRate(String text) {
    String t = text.strip();
    double share;
    try {
      share =
          t.endsWith("%")
              ? Double.parseDouble(t.substring(0, t.length() - 1).strip()) / 100
              : Double.parseDouble(t);
    } catch (NumberFormatException e) {
      share = Double.NaN;
    }
    if (!(share > 0 && share < 1)) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a rate: write a percentage between 0% and 100%, e.g. 20%");
    }
    return share;
  }

  public static IssueReviewConfig none() {
    return new IssueReviewConfig(Map.of(), Map.of(), Map.of(), Map.of());
  }
}
