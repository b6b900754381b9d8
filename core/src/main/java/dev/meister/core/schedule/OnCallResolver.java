package dev.meister.core.schedule;

import dev.meister.core.validation.Checks;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Computes who holds each position of one rotation at any instant: regular roster, then the weekend
 * layer, swaps, covers for unavailable members, and overrides, in that order of strength. Nothing
 * is stored; every answer is derived from the rotation and its changes.
 *
 * <p>An assignment is a maximal stretch in which the same member holds a position for the same
 * reason and the same underlying shift (regular shift, weekend or override). Answers cost a few
 * steps per change point they cross, so they are cheap enough to compute for every alert.
 */
public final class OnCallResolver {
  private static final Duration SEARCH_MARGIN = Duration.ofDays(15);

  private final Rotation rotation;
  private final ScheduleChanges changes;
  private final SwapCheck swapCheck;
  private final ScheduleLayers layers;

  public OnCallResolver(Rotation rotation, ScheduleChanges changes) {
    this.rotation = rotation;
    this.changes = changes;
    ShiftCalendar shifts = new ShiftCalendar(rotation);
    WeekendCalendar weekends =
        rotation.weekendLayer().map(w -> weekendCalendar(w, rotation, shifts)).orElse(null);
    this.swapCheck = new SwapCheck(rotation, shifts, weekends);
    Swaps swaps = new Swaps(changes.swaps(), swapCheck);
    this.layers = new ScheduleLayers(rotation, changes, shifts, weekends, swaps);
  }

  public Rotation rotation() {
    return rotation;
  }

  /** Primary and secondary at {@code t}, with the stretch each holds and the next primary. */
  public OnCall onCallAt(Instant t) {
    Assignment primary = stretchAt(Position.PRIMARY, t);
    Assignment secondary = assignmentAt(Position.SECONDARY, t).orElse(null);
    Assignment next =
        nextDifferent(primary).orElseGet(() -> stretchAt(Position.PRIMARY, primary.end()));
    return new OnCall(rotation.id(), t, primary, secondary, next);
  }

  /** Who holds {@code position} at {@code t}; empty for SECONDARY when there is no Level 2. */
  public Optional<Assignment> assignmentAt(Position position, Instant t) {
    if (!exists(position)) {
      return Optional.empty();
    }
    return Optional.of(stretchAt(position, t));
  }

  /**
   * The next {@code count} assignments of {@code position}, the first being the one holding it at
   * {@code from}.
   */
  public List<Assignment> upcoming(Position position, Instant from, int count) {
    Checks.check(count >= 0, "count must not be negative");
    List<Assignment> result = new ArrayList<>();
    if (!exists(position) || count == 0) {
      return result;
    }
    Assignment current = stretchAt(position, from);
    result.add(current);
    while (result.size() < count) {
      current = stretchAt(position, current.end());
      result.add(current);
    }
    return result;
  }

  /** Assignments of {@code position} overlapping {@code [from, to)}, clipped to it, in order. */
  public List<Assignment> between(Position position, Instant from, Instant to) {
    List<Assignment> result = new ArrayList<>();
    if (!exists(position) || !from.isBefore(to)) {
      return result;
    }
    Instant cursor = from;
    while (cursor.isBefore(to)) {
      Assignment a = stretchAt(position, cursor);
      Instant end = a.end().isBefore(to) ? a.end() : to;
      result.add(new Assignment(position, a.member(), a.source(), cursor, end));
      cursor = end;
    }
    return result;
  }

  /**
   * The first moment after {@code t} the position passes to a different member; empty when nobody
   * else ever takes it (a rotation of one).
   *
   * @throws IllegalArgumentException for SECONDARY when there is no Level 2
   */
  public Optional<Handover> nextHandover(Position position, Instant t) {
    Checks.check(exists(position), "rotation '" + rotation.id() + "' has no Level-2 roster");
    Assignment current = stretchAt(position, t);
    return nextDifferent(current)
        .map(
            next ->
                new Handover(
                    rotation.id(),
                    position,
                    next.start(),
                    current.member(),
                    next.member(),
                    next.source()));
  }

  /**
   * Everything that makes {@code swap} unusable for this rotation, in words a chat user
   * understands: instants that are not shift starts of the swap's layer, a layer the rotation
   * lacks, another rotation, or two shifts of the same member. Empty if the swap is fine; swaps
   * with problems are ignored when resolving.
   */
  public List<String> problems(Swap swap) {
    return List.copyOf(swapCheck.problems(swap));
  }

  private boolean exists(Position position) {
    return position == Position.PRIMARY || rotation.secondary() != null;
  }

  /** The maximal stretch holding {@code position} at {@code t}, walking change points both ways. */
  private Assignment stretchAt(Position position, Instant t) {
    Holding holding = layers.holdingAt(position, t);
    Instant start = layers.lastEdgeAtOrBefore(position, t);
    while (holding.equals(layers.holdingAt(position, start.minusNanos(1)))) {
      start = layers.lastEdgeAtOrBefore(position, start.minusNanos(1));
    }
    Instant end = layers.nextEdgeAfter(position, t);
    while (holding.equals(layers.holdingAt(position, end))) {
      end = layers.nextEdgeAfter(position, end);
    }
    return new Assignment(position, holding.member(), holding.source(), start, end);
  }

  /** The first assignment after {@code current} held by someone else, within a bounded search. */
  private Optional<Assignment> nextDifferent(Assignment current) {
    Instant horizon = searchHorizon(current.position(), current.end());
    Assignment next = stretchAt(current.position(), current.end());
    while (next.member().equals(current.member())) {
      if (next.start().isAfter(horizon)) {
        return Optional.empty();
      }
      next = stretchAt(current.position(), next.end());
    }
    return Optional.of(next);
  }

  /**
   * How far a search for a different member must go: past every change, then one full cycle of each
   * roster; after that the schedule only repeats itself.
   */
  private Instant searchHorizon(Position position, Instant from) {
    Instant latest = from;
    for (var o : changes.overrides()) {
      latest = o.end().isAfter(latest) ? o.end() : latest;
    }
    for (var u : changes.unavailability()) {
      Instant end = u.lastDay().plusDays(2).atStartOfDay(rotation.zone()).toInstant();
      latest = end.isAfter(latest) ? end : latest;
    }
    for (var s : changes.swaps()) {
      latest = s.firstShiftStart().isAfter(latest) ? s.firstShiftStart() : latest;
      latest = s.secondShiftStart().isAfter(latest) ? s.secondShiftStart() : latest;
    }
    int rosterSize =
        position == Position.PRIMARY
            ? rotation.primary().size()
            : rotation.secondaryRoster().map(r -> r.size()).orElse(1);
    Duration cycle = rotation.shiftLength().nominal().multipliedBy(rosterSize + 1L);
    int weekendSize = rotation.weekendLayer().map(w -> w.roster().size()).orElse(0);
    return latest.plus(cycle).plus(Duration.ofDays(7L * weekendSize)).plus(SEARCH_MARGIN);
  }

  private static WeekendCalendar weekendCalendar(
      WeekendLayer layer, Rotation rotation, ShiftCalendar shifts) {
    return new WeekendCalendar(layer.window(), rotation.zone(), shifts.boundary(0));
  }
}
