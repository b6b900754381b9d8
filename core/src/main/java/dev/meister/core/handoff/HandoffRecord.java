package dev.meister.core.handoff;

import dev.meister.core.oncall.Position;
import dev.meister.core.rotation.RotationId;
import dev.meister.core.team.MemberId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The recorded handshake at one shift boundary: who hands over to whom and when each confirmed.
 *
 * @param boundary the instant the shift changed hands; with rotation and position it identifies the
 *     record
 */
public record HandoffRecord(
    RotationId rotation,
    Position position,
    Instant boundary,
    MemberId outgoing,
    MemberId incoming,
    @Nullable Instant outgoingConfirmedAt,
    @Nullable Instant incomingConfirmedAt,
    @Nullable String notes) {

  public HandoffState state() {
    if (outgoingConfirmedAt != null && incomingConfirmedAt != null) {
      return HandoffState.COMPLETE;
    }
    if (outgoingConfirmedAt != null) {
      return HandoffState.OUTGOING_CONFIRMED;
    }
    return incomingConfirmedAt != null ? HandoffState.INCOMING_CONFIRMED : HandoffState.PENDING;
  }
}
