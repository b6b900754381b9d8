package dev.meister.core.alert;

import dev.meister.core.chat.AlertId;
import java.util.List;
import java.util.Optional;

/** Port: durable alerts and their acknowledgements. */
public interface AlertStore {
  /**
   * Stores a new alert, or returns the one already stored under its dedup key. Durable on return.
   */
  Recorded record(Alert alert);

  Optional<Alert> find(AlertId id);

  Optional<Alert> findByDedupKey(String dedupKey);

  /** Newest first. */
  List<Alert> recent(int limit);

  /**
   * Records an acknowledgement unless the alert already has one; returns the first one either way.
   */
  Acknowledgement acknowledge(Acknowledgement ack);

  Optional<Acknowledgement> acknowledgement(AlertId alert);
}
