package dev.meister.core.schedule;

import dev.meister.core.team.MemberId;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Unavailability of a rotation's members as instants in the rotation's zone: from the first day's
 * start to the start of the day after the last.
 */
final class Absences {
  private record Absence(Unavailability source, Instant start, Instant end) {
    boolean covers(Instant t) {
      return !t.isBefore(start) && t.isBefore(end);
    }
  }

  private final List<Absence> absences;

  Absences(List<Unavailability> unavailability, Set<MemberId> members, ZoneId zone) {
    List<Absence> relevant = new ArrayList<>();
    for (Unavailability u : unavailability) {
      if (members.contains(u.member())) {
        relevant.add(
            new Absence(
                u,
                u.firstDay().atStartOfDay(zone).toInstant(),
                u.lastDay().plusDays(1).atStartOfDay(zone).toInstant()));
      }
    }
    this.absences = List.copyOf(relevant);
  }

  /** The absence of {@code member} at {@code t}, the later-listed one if several overlap. */
  Optional<Unavailability> awayAt(MemberId member, Instant t) {
    for (int i = absences.size() - 1; i >= 0; i--) {
      Absence a = absences.get(i);
      if (a.source().member().equals(member) && a.covers(t)) {
        return Optional.of(a.source());
      }
    }
    return Optional.empty();
  }

  boolean isAway(MemberId member, Instant t) {
    return awayAt(member, t).isPresent();
  }

  /** The earliest absence start or end after {@code t}, or {@code best} if that is earlier. */
  Instant nextEdgeAfter(Instant t, Instant best) {
    for (Absence a : absences) {
      best = Edges.earliestAfter(t, best, a.start());
      best = Edges.earliestAfter(t, best, a.end());
    }
    return best;
  }

  /** The latest absence start or end at or before {@code t}, or {@code best} if that is later. */
  Instant lastEdgeAtOrBefore(Instant t, Instant best) {
    for (Absence a : absences) {
      best = Edges.latestAtOrBefore(t, best, a.start());
      best = Edges.latestAtOrBefore(t, best, a.end());
    }
    return best;
  }
}
