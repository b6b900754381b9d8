package dev.meister.bot.calendar;

import dev.meister.core.calendar.CalendarAccess;
import dev.meister.core.calendar.CalendarShifts;
import dev.meister.core.calendar.ShiftEvent;
import dev.meister.core.schedule.OnCallDirectory;
import dev.meister.core.schedule.Rotation;
import dev.meister.core.team.MemberId;
import dev.meister.core.team.Team;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the feeds: {@code GET /cal/<token>/me.ics} (the token's member's own shifts in every
 * rotation) and {@code GET /cal/<token>/rotation/<id>.ics} (every lane of one rotation). A token
 * that is not a current member's gets the server's plain 404, the same as a path that does not
 * exist, so a guess learns nothing. The token never reaches the log.
 */
public final class CalendarRoutes {
  private static final Logger log = LoggerFactory.getLogger(CalendarRoutes.class);

  /** How far back a feed reaches: last month's shifts stay visible. */
  static final Duration PAST = Duration.ofDays(28);

  /** How far ahead: half a year of rotations. */
  static final Duration AHEAD = Duration.ofDays(182);

  private final CalendarAccess access;
  private final CalendarShifts shifts;
  private final OnCallDirectory directory;
  private final Team team;
  private final Clock clock;

  public CalendarRoutes(CalendarAccess access, OnCallDirectory directory, Team team, Clock clock) {
    this.access = access;
    this.shifts = new CalendarShifts(directory, team);
    this.directory = directory;
    this.team = team;
    this.clock = clock;
  }

  public void register(Javalin app) {
    app.get("/cal/{token}/me.ics", this::mine);
    app.get("/cal/{token}/rotation/{file}", this::rotation);
  }

  private void mine(Context ctx) {
    Optional<MemberId> member = access.memberFor(ctx.pathParam("token"));
    if (member.isEmpty()) {
      ctx.status(404);
      return;
    }
    Instant now = clock.instant();
    String name = team.find(member.get()).map(m -> m.displayName()).orElse(member.get().value());
    serve(
        ctx,
        "Meister: " + name + "'s shifts",
        shifts.member(member.get(), now.minus(PAST), now.plus(AHEAD)),
        now);
    log.info("calendar feed of {} served", member.get());
  }

  private void rotation(Context ctx) {
    Optional<MemberId> member = access.memberFor(ctx.pathParam("token"));
    String file = ctx.pathParam("file");
    Optional<Rotation> rotation =
        file.endsWith(".ics")
            ? directory.rotations().stream()
                .filter(r -> r.id().value().equals(file.substring(0, file.length() - 4)))
                .findFirst()
            : Optional.empty();
    if (member.isEmpty() || rotation.isEmpty()) {
      ctx.status(404);
      return;
    }
    Instant now = clock.instant();
    Rotation r = rotation.get();
    serve(
        ctx,
        "Meister: " + r.displayName(),
        shifts.rotation(r, now.minus(PAST), now.plus(AHEAD)),
        now);
    log.info("calendar feed of {} served to {}", r.id(), member.get());
  }

  private static void serve(Context ctx, String name, List<ShiftEvent> events, Instant now) {
    ctx.contentType(IcsFeed.MEDIA_TYPE);
    // A calendar URL is a secret: no shared cache may keep it.
    ctx.header("Cache-Control", "private, max-age=300");
    ctx.result(IcsFeed.write(name, events, now));
  }
}
