package dev.meister.core.calendar;

import dev.meister.core.schedule.Assignment;
import dev.meister.core.schedule.OnCallDirectory;
import dev.meister.core.schedule.OnCallResolver;
import dev.meister.core.schedule.Position;
import dev.meister.core.schedule.Rotation;
import dev.meister.core.schedule.Source;
import dev.meister.core.team.MemberId;
import dev.meister.core.team.Team;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The shifts a calendar feed lists, from the on-call engine with every override, swap and cover:
 * whole stretches (never cut at the window's edges, so an event keeps its start and id from one
 * refresh to the next) that overlap the window.
 */
public final class CalendarShifts {
  private final OnCallDirectory directory;
  private final Team team;

  public CalendarShifts(OnCallDirectory directory, Team team) {
    this.directory = directory;
    this.team = team;
  }

  /** Every lane of {@code rotation} over {@code [from, to)}, by start. */
  public List<ShiftEvent> rotation(Rotation rotation, Instant from, Instant to) {
    OnCallResolver resolver = directory.resolver(rotation, from);
    List<ShiftEvent> events = new ArrayList<>(lane(rotation, resolver, Position.PRIMARY, from, to));
    if (rotation.secondaryRoster().isPresent()) {
      events.addAll(lane(rotation, resolver, Position.SECONDARY, from, to));
    }
    events.sort(Comparator.comparing(ShiftEvent::start).thenComparing(ShiftEvent::layer));
    return events;
  }

  /** {@code member}'s own shifts in every rotation over {@code [from, to)}, by start. */
  public List<ShiftEvent> member(MemberId member, Instant from, Instant to) {
    List<ShiftEvent> events = new ArrayList<>();
    for (Rotation r : directory.rotations()) {
      rotation(r, from, to).stream().filter(e -> e.member().equals(member)).forEach(events::add);
    }
    events.sort(Comparator.comparing(ShiftEvent::start).thenComparing(ShiftEvent::uid));
    return events;
  }

  private List<ShiftEvent> lane(
      Rotation rotation, OnCallResolver resolver, Position position, Instant from, Instant to) {
    List<ShiftEvent> events = new ArrayList<>();
    Assignment a = resolver.upcoming(position, from, 1).get(0);
    while (a.start().isBefore(to)) {
      events.add(event(rotation, a));
      a = resolver.upcoming(position, a.end(), 1).get(0);
    }
    return events;
  }

  private ShiftEvent event(Rotation rotation, Assignment a) {
    Layer layer =
        a.position() == Position.SECONDARY
            ? Layer.LEVEL_2
            : a.source() == Source.WEEKEND ? Layer.WEEKEND : Layer.PRIMARY;
    String name = team.find(a.member()).map(m -> m.displayName()).orElse(a.member().value());
    String uid =
        rotation.id().value()
            + "-"
            + a.position().name().toLowerCase(java.util.Locale.ROOT)
            + "-"
            + a.start().getEpochSecond()
            + "@meister";
    return new ShiftEvent(
        uid,
        rotation.id(),
        rotation.displayName(),
        layer,
        a.member(),
        name,
        a.start(),
        a.end(),
        rotation.zone(),
        a.source());
  }
}
