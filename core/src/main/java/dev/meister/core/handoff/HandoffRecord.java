package dev.meister.core.handoff;

import dev.meister.core.schedule.Position;
import dev.meister.core.schedule.RotationId;
import dev.meister.core.team.MemberId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The recorded handshake at one shift boundary: who hands over to whom, when each confirmed, which
 * follow-ups were sent and whether the epic moved. Transitions return new values.
 *
 * @param boundary the instant the shift changed hands; with rotation and position it identifies the
 *     record
 * @param remindedAt when both were reminded, if they were
 * @param escalatedAt when the team lead was tagged, if it came to that
 */
public record HandoffRecord(
    RotationId rotation,
    Position position,
    Instant boundary,
    MemberId outgoing,
    MemberId incoming,
    @Nullable Instant outgoingConfirmedAt,
    @Nullable Instant incomingConfirmedAt,
    @Nullable String notes,
    @Nullable Instant remindedAt,
    @Nullable Instant escalatedAt,
    EpicMove epic) {

  /** A record without follow-ups or an epic move. */
  public HandoffRecord(
      RotationId rotation,
      Position position,
      Instant boundary,
      MemberId outgoing,
      MemberId incoming,
      @Nullable Instant outgoingConfirmedAt,
      @Nullable Instant incomingConfirmedAt,
      @Nullable String notes) {
    this(
        rotation,
        position,
        boundary,
        outgoing,
        incoming,
        outgoingConfirmedAt,
        incomingConfirmedAt,
        notes,
        null,
        null,
        EpicMove.none());
  }

  /** A hand-off that just came due, nobody confirmed yet. */
  public static HandoffRecord announced(
      RotationId rotation,
      Position position,
      Instant boundary,
      MemberId outgoing,
      MemberId incoming) {
    return new HandoffRecord(rotation, position, boundary, outgoing, incoming, null, null, null);
  }

  public HandoffState state() {
    if (outgoingConfirmedAt != null && incomingConfirmedAt != null) {
      return HandoffState.COMPLETE;
    }
    if (outgoingConfirmedAt != null) {
      return HandoffState.OUTGOING_CONFIRMED;
    }
    return incomingConfirmedAt != null ? HandoffState.INCOMING_CONFIRMED : HandoffState.PENDING;
  }

  public boolean isComplete() {
    return state() == HandoffState.COMPLETE;
  }

  /** The outgoing member confirmed, with notes for the incoming one (kept if none are given). */
  public HandoffRecord confirmedByOutgoing(Instant at, @Nullable String newNotes) {
    return new HandoffRecord(
        rotation,
        position,
        boundary,
        outgoing,
        incoming,
        at,
        incomingConfirmedAt,
        newNotes == null ? notes : newNotes,
        remindedAt,
        escalatedAt,
        epic);
  }

  public HandoffRecord acceptedByIncoming(Instant at) {
    return new HandoffRecord(
        rotation,
        position,
        boundary,
        outgoing,
        incoming,
        outgoingConfirmedAt,
        at,
        notes,
        remindedAt,
        escalatedAt,
        epic);
  }

  public HandoffRecord reminded(Instant at) {
    return new HandoffRecord(
        rotation,
        position,
        boundary,
        outgoing,
        incoming,
        outgoingConfirmedAt,
        incomingConfirmedAt,
        notes,
        at,
        escalatedAt,
        epic);
  }

  public HandoffRecord escalated(Instant at) {
    return new HandoffRecord(
        rotation,
        position,
        boundary,
        outgoing,
        incoming,
        outgoingConfirmedAt,
        incomingConfirmedAt,
        notes,
        remindedAt,
        at,
        epic);
  }

  public HandoffRecord withEpic(EpicMove move) {
    return new HandoffRecord(
        rotation,
        position,
        boundary,
        outgoing,
        incoming,
        outgoingConfirmedAt,
        incomingConfirmedAt,
        notes,
        remindedAt,
        escalatedAt,
        move);
  }
}
