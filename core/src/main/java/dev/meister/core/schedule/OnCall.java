package dev.meister.core.schedule;

import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Who is on call for a rotation at one instant, each with the stretch they hold, and who comes
 * next.
 *
 * @param nextPrimary the next different member to hold the primary position, with their stretch
 */
public record OnCall(
    RotationId rotation,
    Instant at,
    Assignment primary,
    @Nullable Assignment secondary,
    Assignment nextPrimary) {

  public Optional<Assignment> secondaryAssignment() {
    return Optional.ofNullable(secondary);
  }
}
