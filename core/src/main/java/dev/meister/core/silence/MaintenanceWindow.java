package dev.meister.core.silence;

import dev.meister.core.alert.AlertMatch;
import dev.meister.core.pipeline.RunSchedule;
import dev.meister.core.validation.Checks;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A planned silence from the configuration's {@code maintenance:} section: once, {@code from} to
 * {@code to}, or recurring, starting at each time of a cron schedule in a zone (so "Saturday 22:00
 * Europe/Berlin" stays 22:00 local across daylight-saving changes) and lasting {@code duration}.
 *
 * @param from the start of a one-off window; null for a recurring one
 * @param to the end of a one-off window; null for a recurring one
 * @param schedule when a recurring window starts; null for a one-off one
 * @param duration how long each occurrence of a recurring window lasts
 */
public record MaintenanceWindow(
    AlertMatch match,
    String reason,
    boolean quiet,
    boolean includeHigh,
    @Nullable Instant from,
    @Nullable Instant to,
    @Nullable RunSchedule schedule,
    @Nullable Duration duration) {

  public MaintenanceWindow {
    Checks.check(
        (from != null && to != null && to.isAfter(from) && schedule == null)
            || (from == null && to == null && schedule != null && duration != null),
        "a maintenance window is from..to or a schedule with a duration");
  }

  public static MaintenanceWindow once(
      AlertMatch match,
      String reason,
      boolean quiet,
      boolean includeHigh,
      Instant from,
      Instant to) {
    return new MaintenanceWindow(match, reason, quiet, includeHigh, from, to, null, null);
  }

  public static MaintenanceWindow recurring(
      AlertMatch match,
      String reason,
      boolean quiet,
      boolean includeHigh,
      RunSchedule schedule,
      Duration duration) {
    return new MaintenanceWindow(match, reason, quiet, includeHigh, null, null, schedule, duration);
  }

  /** One occurrence: from when to when. */
  public record Occurrence(Instant from, Instant to) {}

  /** The occurrence active at {@code now}, if any. */
  public Optional<Occurrence> activeAt(Instant now) {
    if (schedule == null || duration == null) {
      return from != null && to != null && !from.isAfter(now) && now.isBefore(to)
          ? Optional.of(new Occurrence(from, to))
          : Optional.empty();
    }
    Duration length = duration;
    return schedule
        .latestAtOrBefore(now)
        .map(start -> new Occurrence(start, start.plus(length)))
        .filter(o -> now.isBefore(o.to()));
  }

  /** When the next occurrence after {@code now} starts; empty when none does. */
  public Optional<Instant> nextStartAfter(Instant now) {
    if (schedule == null) {
      return from != null && from.isAfter(now) ? Optional.of(from) : Optional.empty();
    }
    return schedule.firstAfter(now);
  }

  /** The occurrence as a silence to store, keyed so it is stored once. */
  public SilenceDraft draft(Occurrence o) {
    String key = SilenceMatches.describe(match) + "@" + o.from().toEpochMilli();
    return new SilenceDraft(
        match,
        o.from(),
        o.to(),
        reason,
        Silence.CONFIG,
        o.from(),
        quiet,
        includeHigh,
        Optional.of(key));
  }

  /** "2026-11-28T21:00Z..2026-11-29T01:00Z" or "0 22 * * SAT Europe/Berlin for 4h", for logs. */
  public String describe() {
    return schedule == null
        ? from + ".." + to
        : schedule + " for " + java.util.Objects.requireNonNull(duration);
  }
}
