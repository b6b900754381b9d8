package dev.meister.core.schedule;

import dev.meister.core.chat.CommandHandler;
import dev.meister.core.chat.CommandReply;
import dev.meister.core.chat.CommandRequest;
import dev.meister.core.team.Member;
import dev.meister.core.team.MemberId;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * {@code /override @carol 2026-12-01..2026-12-08 [ROTATION]}: asks Carol to take the rotation for
 * those days (whole days in the rotation's zone, the last one included; or exact times such as
 * {@code 2026-12-01T11:00..2026-12-08T11:00}). She answers with the buttons or {@code /override
 * accept ID}.
 */
public final class OverrideCommand implements CommandHandler {
  private final ScheduleRequests requests;
  private final RequestArguments arguments;

  public OverrideCommand(ScheduleRequests requests, RequestArguments arguments) {
    this.requests = requests;
    this.arguments = arguments;
  }

  @Override
  public String name() {
    return "override";
  }

  @Override
  public String usage() {
    return "/override @NAME FROM..TO [ROTATION] · /override accept|decline ID";
  }

  @Override
  public String summary() {
    return "ask someone to take your on-call for some days (they confirm)";
  }

  @Override
  public boolean changesState() {
    return true;
  }

  @Override
  public boolean storesOnly() {
    return true;
  }

  @Override
  public CommandReply handle(CommandRequest request) {
    List<String> args = request.args();
    Member member = request.sender().orElseThrow();
    if (RequestArguments.answerGiven(requests, args, member, request, usage())) {
      return CommandReply.none();
    }
    if (args.size() < 2 || args.size() > 3) {
      throw new IllegalArgumentException("Usage: " + usage());
    }
    MemberId other = arguments.member(args.get(0), member.id());
    Rotation rotation =
        arguments.rotation(
            args.size() == 3 ? args.get(2) : null, member.id(), request.event().chat());
    Instant[] period = period(args.get(1), rotation.zone());
    requests.requestOverride(
        rotation, member.id(), other, period[0], period[1], request.event().chat());
    return CommandReply.none();
  }

  /** {@code FROM..TO} as dates (TO included) or local date-times (TO excluded). */
  static Instant[] period(String text, ZoneId zone) {
    int dots = text.indexOf("..");
    if (dots < 0) {
      throw new IllegalArgumentException(
          "Write the period as FROM..TO, e.g." + " 2026-12-01..2026-12-08.");
    }
    String from = text.substring(0, dots);
    String to = text.substring(dots + 2);
    try {
      Instant start;
      Instant end;
      if (from.contains("T") || to.contains("T")) {
        start = LocalDateTime.parse(from).atZone(zone).toInstant();
        end = LocalDateTime.parse(to).atZone(zone).toInstant();
      } else {
        start = LocalDate.parse(from).atStartOfDay(zone).toInstant();
        end = LocalDate.parse(to).plusDays(1).atStartOfDay(zone).toInstant();
      }
      if (!end.isAfter(start)) {
        throw new IllegalArgumentException("The period must end after it starts.");
      }
      return new Instant[] {start, end};
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "'"
              + text
              + "' is not a period like"
              + " 2026-12-01..2026-12-08 or 2026-12-01T11:00..2026-12-08T11:00.",
          e);
    } catch (DateTimeException e) {
      // Parsed, but the day after the last one is past the calendar's end (year 999999999).
      throw new IllegalArgumentException("'" + text + "' is too far in the future.", e);
    }
  }
}
