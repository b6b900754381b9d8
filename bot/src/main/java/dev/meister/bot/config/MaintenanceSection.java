package dev.meister.bot.config;

import dev.meister.core.pipeline.RunSchedule;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@code maintenance}: planned silences, each a {@code match} (the fields and globs of a
 * route's), a {@code reason}, and either {@code from}/{@code to} (instants with an offset, or local
 * times in {@code zone}) or a recurring {@code cron} with a {@code duration} in a {@code zone}
 * (default UTC); {@code quiet} and {@code include_high} as {@code /silence}'s options. A window
 * without a match would silence every alert, so it must say {@code all: true}.
 */
final class MaintenanceSection {
  private static final List<String> KEYS =
      List.of(
          "match",
          "all",
          "from",
          "to",
          "cron",
          "duration",
          "zone",
          "reason",
          "quiet",
          "include_high");

  /** As long as {@code /silence} allows. */
  private static final Duration MAX = Duration.ofDays(30);

  private final Problems problems;
  private final RoutesSection routes;

  MaintenanceSection(Problems problems, RoutesSection routes) {
    this.problems = problems;
    this.routes = routes;
  }

  List<MaintenanceConfig> read(@Nullable YNode node) {
    List<MaintenanceConfig> windows = new ArrayList<>();
    for (Fields f : Fields.mappings(node, "maintenance", problems, KEYS)) {
      int before = problems.count();
      MaintenanceConfig w = window(f);
      if (w != null && problems.count() == before) {
        windows.add(w);
      }
    }
    return windows;
  }

  private @Nullable MaintenanceConfig window(Fields f) {
    MatchConfig match = routes.match(f);
    boolean all = f.flag("all", false);
    if (match != null && !f.has("match") && !all) {
      problems.add(
          f.line(),
          f.path(),
          "a maintenance window needs a 'match' (e.g. { dag: \"ohlcv_*\" }); to silence every"
              + " alert, say 'all: true'");
    } else if (match != null && f.has("match") && match.isCatchAll() && !all) {
      problems.add(
          f.located("match"),
          f.path("match"),
          "an empty match silences every alert; say 'all: true' to mean it");
    }
    ZoneId written = f.has("zone") ? f.value("zone", false, Values::zone) : null;
    // A bad zone is reported once; the times are still read (in UTC) so their mistakes show too.
    ZoneId zone = written == null ? ZoneId.of("UTC") : written;
    String reason = f.text("reason", false);
    boolean quiet = f.flag("quiet", false);
    boolean high = f.flag("include_high", false);
    boolean once = f.has("from") || f.has("to");
    boolean recurring = f.has("cron") || f.has("duration");
    if (once == recurring) {
      problems.add(
          f.line(),
          f.path(),
          once
              ? "a window is either 'from'/'to' or 'cron' with 'duration', not both"
              : "a window needs 'from' and 'to', or a 'cron' and a 'duration'");
      return null;
    }
    String text = reason == null ? "" : reason;
    if (once) {
      Instant from = f.value("from", true, t -> Values.moment(t, zone));
      Instant to = f.value("to", true, t -> Values.moment(t, zone));
      if (from == null || to == null) {
        return null;
      }
      if (!to.isAfter(from)) {
        problems.add(f.located("to"), f.path("to"), "'to' must be after 'from'");
        return null;
      }
      if (match == null) {
        return null;
      }
      return new MaintenanceConfig(match, text, quiet, high, from, to, null, null);
    }
    RunSchedule schedule =
        f.value("cron", true, t -> RunSchedule.parse(t.strip() + " " + zone.getId()));
    Duration duration = f.value("duration", true, Durations::positive);
    if (duration != null && duration.compareTo(MAX) > 0) {
      problems.add(
          f.located("duration"), f.path("duration"), "a window lasts at most 30 days ('30d')");
      return null;
    }
    if (schedule == null || duration == null || match == null) {
      return null;
    }
    return new MaintenanceConfig(match, text, quiet, high, null, null, schedule, duration);
  }
}
