package dev.meister.bot.config;

import dev.meister.core.pipeline.RunSchedule;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One planned silence of {@code maintenance:}: once ({@code from}, {@code to}) or recurring ({@code
 * cron} in a {@code zone}, lasting {@code duration}).
 *
 * @param quiet its alerts are not posted, only summarised when it ends
 * @param includeHigh it silences high-priority alerts too
 */
public record MaintenanceConfig(
    MatchConfig match,
    String reason,
    boolean quiet,
    boolean includeHigh,
    @Nullable Instant from,
    @Nullable Instant to,
    @Nullable RunSchedule schedule,
    @Nullable Duration duration) {}
