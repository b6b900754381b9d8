package dev.meister.core.handoff;

import dev.meister.core.schedule.Position;
import dev.meister.core.schedule.RotationId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port: the history of hand-offs. */
public interface HandoffStore {
  /** Inserts or replaces the record for its rotation, position and boundary. */
  void save(HandoffRecord record);

  Optional<HandoffRecord> find(RotationId rotation, Position position, Instant boundary);

  /** Newest first. */
  List<HandoffRecord> history(RotationId rotation, int limit);

  /** The newest record of a rotation's position, if any. */
  default Optional<HandoffRecord> latest(RotationId rotation, Position position) {
    return history(rotation, 10).stream().filter(r -> r.position() == position).findFirst();
  }

  /** Records whose epic move is still pending, oldest first. */
  List<HandoffRecord> epicMovesPending();
}
