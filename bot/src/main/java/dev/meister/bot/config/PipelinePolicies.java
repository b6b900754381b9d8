package dev.meister.bot.config;

import dev.meister.core.pipeline.FixDeadline;
import dev.meister.core.pipeline.OnCallPolicy;
import dev.meister.core.pipeline.WorkHours;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads a pipeline's fix deadline ({@code fix_within}, {@code fix_by}) and on-call policy ({@code
 * on_call} with {@code work_hours} or {@code check_every}/{@code check_at}), seed 004's "SLAs" and
 * "On-call schedule".
 */
final class PipelinePolicies {
  static final List<String> KEYS =
      List.of("fix_within", "fix_by", "on_call", "work_hours", "check_every", "check_at");
  private static final List<String> WORK_HOURS_KEYS = List.of("days", "from", "to", "zone");
  private static final Pattern WITHIN =
      Pattern.compile("(?i)(\\S+)(?:\\s+from\\s+midnight(?:\\s+(\\S+))?)?");
  private static final Pattern WEEKS = Pattern.compile("(\\d{1,3})\\s*w");
  private static final ZoneId UTC = ZoneId.of("UTC");

  private PipelinePolicies() {}

  /** Both fix keys, at most one of them set; {@code null} when neither is. */
  static @Nullable FixDeadline fix(Fields f, Problems problems) {
    FixDeadline within = f.value("fix_within", false, PipelinePolicies::within);
    FixDeadline by = f.value("fix_by", false, PipelinePolicies::by);
    if (within != null && by != null) {
      problems.add(f.located("fix_by"), f.path("fix_by"), "give fix_within or fix_by, not both");
      return null;
    }
    return within != null ? within : by;
  }

  /** {@code 24h}, or {@code 24h from midnight UTC} (the midnight starting the failure's day). */
  static FixDeadline within(String text) {
    Matcher m = WITHIN.matcher(text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "'" + text + "' is not like \"24h\" or \"24h from midnight UTC\"");
    }
    Duration d = Durations.positive(m.group(1));
    if (!text.toLowerCase(Locale.ROOT).contains("midnight")) {
      return new FixDeadline.FromFailure(d);
    }
    return new FixDeadline.FromMidnight(d, m.group(2) == null ? UTC : Values.zone(m.group(2)));
  }

  /** {@code end_of_month}, optionally with a zone: {@code end_of_month Europe/Berlin}. */
  static FixDeadline by(String text) {
    String[] parts = text.trim().split("\\s+", -1);
    if (!parts[0].equalsIgnoreCase("end_of_month") || parts.length > 2) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a fix deadline: write end_of_month, optionally with a zone");
    }
    return new FixDeadline.EndOfMonth(parts.length == 2 ? Values.zone(parts[1]) : UTC);
  }

  /**
   * The top-level {@code work_hours: {days, from, to, zone}}: the team's work hours, used by every
   * pipeline with {@code on_call: work_hours} that gives none of its own.
   */
  static Optional<WorkHours> teamWorkHours(Fields top, Problems problems) {
    Fields w = top.map("work_hours", false, WORK_HOURS_KEYS);
    return w == null ? Optional.empty() : Optional.ofNullable(workHours(w, problems));
  }

  /**
   * The on-call policy; the route's rotation when {@code on_call} is absent.
   *
   * @param teamHours the team's work hours, for a {@code work_hours} pipeline without its own
   */
  static @Nullable OnCallPolicy onCall(Fields f, Problems problems, Optional<WorkHours> teamHours) {
    String kind = f.text("on_call", false);
    String policy = kind == null ? "rotation" : kind.trim().toLowerCase(Locale.ROOT);
    if (!policy.equals("work_hours") && f.has("work_hours")) {
      problems.add(
          f.located("work_hours"), f.path("work_hours"), "needs on_call: work_hours to apply");
    }
    if (!policy.equals("none")) {
      for (String key : List.of("check_every", "check_at")) {
        if (f.has(key)) {
          problems.add(f.located(key), f.path(key), "needs on_call: none to apply");
        }
      }
    }
    return switch (policy) {
      case "rotation" -> new OnCallPolicy.Rotation();
      case "work_hours" -> {
        if (!f.has("work_hours") && teamHours.isPresent()) {
          yield new OnCallPolicy.DuringWorkHours(teamHours.get());
        }
        if (!f.has("work_hours")) {
          problems.add(
              f.located("on_call"),
              f.path("on_call"),
              "needs work_hours, here or at the top level for the whole team");
          yield null;
        }
        Fields w = f.map("work_hours", true, WORK_HOURS_KEYS);
        WorkHours hours = w == null ? null : workHours(w, problems);
        yield hours == null ? null : new OnCallPolicy.DuringWorkHours(hours);
      }
      case "none" -> noOnCall(f);
      default -> {
        problems.add(
            f.located("on_call"),
            f.path("on_call"),
            "'" + kind + "' is not an on-call policy: rotation, work_hours or none");
        yield null;
      }
    };
  }

  private static OnCallPolicy noOnCall(Fields f) {
    Duration parsed = f.value("check_every", false, PipelinePolicies::weeks);
    Duration every = parsed == null ? Duration.ofDays(7) : parsed;
    OnCallPolicy.NoOnCall at = f.value("check_at", false, t -> reminder(every, t));
    // Seed 004 says only "every week": Monday morning, the start of the team's week.
    return at != null
        ? at
        : new OnCallPolicy.NoOnCall(every, DayOfWeek.MONDAY, LocalTime.of(9, 0), UTC);
  }

  /** {@code 1w}, {@code 2w}: reminders come in whole weeks. */
  static Duration weeks(String text) {
    Matcher m = WEEKS.matcher(text.trim());
    if (!m.matches() || Integer.parseInt(m.group(1)) == 0) {
      throw new IllegalArgumentException("'" + text + "' is not a number of weeks like 1w or 2w");
    }
    return Duration.ofDays(7L * Integer.parseInt(m.group(1)));
  }

  /** {@code monday 09:00 UTC}. */
  private static OnCallPolicy.NoOnCall reminder(Duration every, String text) {
    String[] parts = text.trim().split("\\s+", -1);
    if (parts.length < 2 || parts.length > 3) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a reminder time like \"monday 09:00 UTC\"");
    }
    return new OnCallPolicy.NoOnCall(
        every,
        Values.day(parts[0]),
        Values.time(parts[1]),
        parts.length == 3 ? Values.zone(parts[2]) : UTC);
  }

  private static @Nullable WorkHours workHours(Fields w, Problems problems) {
    Set<DayOfWeek> days = w.value("days", true, PipelinePolicies::days);
    LocalTime from = w.value("from", true, Values::time);
    LocalTime to = w.value("to", true, Values::time);
    ZoneId zone = w.value("zone", false, Values::zone);
    if (days == null || from == null || to == null) {
      return null;
    }
    if (!from.isBefore(to)) {
      problems.add(w.located("to"), w.path("to"), "must be later than from (" + from + ")");
      return null;
    }
    return new WorkHours(days, from, to, zone == null ? UTC : zone);
  }

  /** {@code MON-FRI}, {@code MON,WED,FRI} or {@code SAT-SUN}; a range may wrap past Sunday. */
  static Set<DayOfWeek> days(String text) {
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    for (String part : text.split(",", -1)) {
      String[] range = part.trim().split("-", -1);
      if (range.length > 2) {
        throw new IllegalArgumentException("'" + part.trim() + "' is not a day or a range of days");
      }
      DayOfWeek from = Values.day(range[0].trim());
      DayOfWeek to = range.length == 2 ? Values.day(range[1].trim()) : from;
      for (DayOfWeek d = from; ; d = d.plus(1)) {
        days.add(d);
        if (d == to) {
          break;
        }
      }
    }
    return days;
  }
}
