package dev.meister.core.schedule;

import dev.meister.core.team.MemberId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * Stacks the layers of one rotation at a single instant: regular roster or weekend, then swaps,
 * covers for absent members, then overrides. Also knows the instants where any layer may change.
 */
final class ScheduleLayers {
  private record Base(Holding holding, Roster roster, long index) {}

  private record NumberedOverride(int number, ScheduleOverride override) {}

  private final Rotation rotation;
  private final ShiftCalendar shifts;
  private final @Nullable WeekendCalendar weekends;
  private final @Nullable Roster weekendRoster;
  private final Swaps swaps;
  private final Absences absences;
  private final List<NumberedOverride> overrides;

  ScheduleLayers(
      Rotation rotation,
      ScheduleChanges changes,
      ShiftCalendar shifts,
      @Nullable WeekendCalendar weekends,
      Swaps swaps) {
    this.rotation = rotation;
    this.shifts = shifts;
    this.weekends = weekends;
    this.weekendRoster = rotation.weekendLayer().map(WeekendLayer::roster).orElse(null);
    this.swaps = swaps;
    this.absences = new Absences(changes.unavailability(), rotation.allMembers(), rotation.zone());
    List<NumberedOverride> own = new ArrayList<>();
    for (int i = 0; i < changes.overrides().size(); i++) {
      ScheduleOverride o = changes.overrides().get(i);
      if (o.rotation().equals(rotation.id())) {
        own.add(new NumberedOverride(i, o));
      }
    }
    this.overrides = List.copyOf(own);
  }

  /** Who holds {@code position} at {@code t}; the position must exist in this rotation. */
  Holding holdingAt(Position position, Instant t) {
    Holding covered = cover(base(position, t), t);
    return override(position, covered, t);
  }

  /** The earliest instant after {@code t} at which any layer of {@code position} may change. */
  Instant nextEdgeAfter(Position position, Instant t) {
    Instant best = shifts.boundary(shifts.indexAt(t) + 1);
    if (position == Position.PRIMARY && weekends != null) {
      best = Edges.earliestAfter(t, best, weekends.nextEdgeAfter(t));
    }
    best = absences.nextEdgeAfter(t, best);
    for (NumberedOverride n : overrides) {
      if (n.override().position() == position) {
        best = Edges.earliestAfter(t, best, n.override().start());
        best = Edges.earliestAfter(t, best, n.override().end());
      }
    }
    return best;
  }

  /** The latest instant at or before {@code t} at which a layer of {@code position} may change. */
  Instant lastEdgeAtOrBefore(Position position, Instant t) {
    Instant best = shifts.boundary(shifts.indexAt(t));
    if (position == Position.PRIMARY && weekends != null) {
      best = Edges.latestAtOrBefore(t, best, weekends.lastEdgeAtOrBefore(t));
    }
    best = absences.lastEdgeAtOrBefore(t, best);
    for (NumberedOverride n : overrides) {
      if (n.override().position() == position) {
        best = Edges.latestAtOrBefore(t, best, n.override().start());
        best = Edges.latestAtOrBefore(t, best, n.override().end());
      }
    }
    return best;
  }

  private Base base(Position position, Instant t) {
    if (position == Position.PRIMARY && weekends != null) {
      OptionalLong occurrence = weekends.occurrenceAt(t);
      if (occurrence.isPresent() && weekendRoster != null) {
        long i = occurrence.getAsLong();
        return regularOrSwapped(
            weekendRoster, SwapLayer.WEEKEND, i, Source.WEEKEND, ShiftKey.weekend(i));
      }
    }
    long k = shifts.indexAt(t);
    if (position == Position.PRIMARY) {
      return regularOrSwapped(
          rotation.primary(), SwapLayer.PRIMARY, k, Source.REGULAR, ShiftKey.regular(k));
    }
    Roster secondary = rotation.secondary();
    if (secondary == null) {
      throw new IllegalArgumentException("rotation '" + rotation.id() + "' has no Level-2 roster");
    }
    return regularOrSwapped(secondary, SwapLayer.SECONDARY, k, Source.REGULAR, ShiftKey.regular(k));
  }

  private Base regularOrSwapped(
      Roster roster, SwapLayer layer, long index, Source regular, ShiftKey key) {
    long memberShift = swaps.memberShift(layer, index);
    Source source = memberShift == index ? regular : Source.SWAP;
    return new Base(new Holding(roster.at(memberShift), source, key), roster, index);
  }

  private Holding cover(Base base, Instant t) {
    Holding holding = base.holding();
    Optional<Unavailability> absent = absences.awayAt(holding.member(), t);
    if (absent.isEmpty()) {
      return holding;
    }
    Unavailability away = absent.get();
    MemberId coveredBy = away.coveredBy();
    if (coveredBy != null) {
      return holding.as(coveredBy, Source.COVER);
    }
    if (rotation.unavailabilityPolicy() == UnavailabilityPolicy.KEEP) {
      return holding;
    }
    for (int step = 1; step < base.roster().size(); step++) {
      MemberId next = base.roster().at(base.index() + step);
      if (!next.equals(holding.member()) && !absences.isAway(next, t)) {
        return holding.as(next, Source.COVER);
      }
    }
    return holding;
  }

  private Holding override(Position position, Holding preOverride, Instant t) {
    for (int i = overrides.size() - 1; i >= 0; i--) {
      NumberedOverride n = overrides.get(i);
      ScheduleOverride o = n.override();
      MemberId covered = o.coveredMember();
      if (o.position() == position
          && o.covers(t)
          && (covered == null || covered.equals(preOverride.member()))) {
        return new Holding(o.coveringMember(), Source.OVERRIDE, ShiftKey.override(n.number()));
      }
    }
    return preOverride;
  }
}
