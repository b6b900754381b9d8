package dev.meister.core.escalation;

import dev.meister.core.alert.Acknowledgement;
import dev.meister.core.chat.AlertId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port: the alerts escalated by hand, and the one "still on it?" nudge an acknowledger gets. */
public interface EscalationStore {
  /** Records the escalation unless the alert was escalated before; returns the first either way. */
  Escalation escalate(Escalation escalation);

  Optional<Escalation> escalationOf(AlertId alert);

  /**
   * Acknowledgements made since {@code since} of alerts that are routed, not resolved, not
   * escalated and not nudged yet: the ones that may still need a nudge; oldest first.
   */
  List<Acknowledgement> nudgeCandidates(Instant since, int limit);

  /** Records the nudge about {@code alert}; false if it was recorded before (do not send again). */
  boolean nudged(AlertId alert, Instant at);
}
