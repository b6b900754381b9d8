package dev.meister.core.shift;

import dev.meister.core.schedule.RotationId;
import java.time.Instant;

/** One shift message posted once: which rotation, which boundary, which kind. */
public record ShiftNotice(RotationId rotation, Instant boundary, Kind kind) {
  /** The messages a shift boundary gets. */
  public enum Kind {
    /** The incoming member's reminder before the boundary. */
    REMINDER,
    /** "@bob is on call now", at the boundary of a rotation without the handshake. */
    ON_CALL_NOW
  }
}
