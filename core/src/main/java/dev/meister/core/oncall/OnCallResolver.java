package dev.meister.core.oncall;

import dev.meister.core.override.ScheduleChanges;
import dev.meister.core.rotation.Rotation;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Computes who holds each position of one rotation at any instant: regular roster, then the weekend
 * layer, swaps, covers for unavailable members, and overrides, in that order of strength. Nothing is
 * stored; every answer is derived from the rotation and its changes.
 */
public final class OnCallResolver {
  private final Rotation rotation;
  private final ScheduleChanges changes;

  public OnCallResolver(Rotation rotation, ScheduleChanges changes) {
    this.rotation = rotation;
    this.changes = changes;
  }

  public Rotation rotation() {
    return rotation;
  }

  /** Primary and secondary at {@code t}, with the stretch each holds and the next primary. */
  public OnCall onCallAt(Instant t) {
    throw new UnsupportedOperationException("not yet");
  }

  /** Who holds {@code position} at {@code t}; empty for SECONDARY when there is no Level 2. */
  public Optional<Assignment> assignmentAt(Position position, Instant t) {
    throw new UnsupportedOperationException("not yet");
  }

  /**
   * The next {@code count} assignments of {@code position}, the first being the one holding it at
   * {@code from}.
   */
  public List<Assignment> upcoming(Position position, Instant from, int count) {
    throw new UnsupportedOperationException("not yet");
  }

  /** Assignments of {@code position} overlapping {@code [from, to)}, clipped to it, in order. */
  public List<Assignment> between(Position position, Instant from, Instant to) {
    throw new UnsupportedOperationException("not yet");
  }

  /** The first moment after {@code t} the position passes to a different member. */
  public Handover nextHandover(Position position, Instant t) {
    throw new UnsupportedOperationException("not yet");
  }
}
