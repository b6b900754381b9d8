package dev.meister.core.schedule;

import dev.meister.core.team.MemberId;
import dev.meister.core.validation.Checks;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An override or swap asked for in chat, waiting for the other person's answer before it takes
 * effect.
 *
 * @param id storage identity; 0 until stored
 * @param other who must answer: the member taking over (override) or swapping shifts (swap)
 * @param covered for an override, the member it stands in for, if any
 * @param start override: first instant covered; swap: the requester's shift start
 * @param end override: first instant no longer covered; swap: the other member's shift start
 */
public record ScheduleRequest(
    long id,
    Kind kind,
    RotationId rotation,
    MemberId requester,
    MemberId other,
    @Nullable MemberId covered,
    Instant start,
    Instant end,
    State state,
    Instant createdAt,
    @Nullable Instant decidedAt) {

  /** What is asked. */
  public enum Kind {
    OVERRIDE,
    SWAP
  }

  /** Where the request stands. */
  public enum State {
    PENDING,
    ACCEPTED,
    DECLINED,
    EXPIRED
  }

  public ScheduleRequest {
    Checks.check(!requester.equals(other), "a request needs another member");
  }

  public ScheduleRequest withId(long newId) {
    return new ScheduleRequest(
        newId, kind, rotation, requester, other, covered, start, end, state, createdAt, decidedAt);
  }

  public ScheduleRequest decided(State newState, Instant at) {
    return new ScheduleRequest(
        id, kind, rotation, requester, other, covered, start, end, newState, createdAt, at);
  }
}
