package dev.meister.core.schedule;

import dev.meister.core.team.MemberId;
import dev.meister.core.validation.Checks;
import java.time.Instant;

/**
 * One member holding one position for a stretch of time with no change: a regular shift, a weekend,
 * or the part of either that an override or cover replaced.
 *
 * @param start inclusive
 * @param end exclusive
 */
public record Assignment(
    Position position, MemberId member, Source source, Instant start, Instant end) {
  public Assignment {
    Checks.check(start.isBefore(end), "an assignment must end after it starts");
  }

  public boolean contains(Instant t) {
    return !t.isBefore(start) && t.isBefore(end);
  }
}
