package dev.meister.core.handoff;

import dev.meister.core.alert.Alert;
import dev.meister.core.escalation.EscalatedAlert;
import dev.meister.core.schedule.RotationId;
import java.time.Instant;
import java.util.List;

/** Port: what a rotation leaves open, listed in the hand-off announcement. */
public interface OpenWork {
  /**
   * Every issue the rotation is responsible for as Meister last saw it: filed or linked by its
   * alerts at any time, and the sub-issues of its epic seen at earlier hand-offs; newest first,
   * without repeats, without those last seen closed (unless an alert linked them again since), at
   * most {@code limit}.
   */
  List<OpenIssue> issues(RotationId rotation, int limit);

  /** Records what GitHub said about the rotation's issues at {@code at}. */
  void seen(RotationId rotation, List<SeenIssue> issues, Instant at);

  /** The rotation's alerts since {@code since} that nobody acknowledged, newest first. */
  List<Alert> unacknowledged(RotationId rotation, Instant since);

  /**
   * The rotation's alerts escalated by hand since {@code since} that nobody resolved yet, newest
   * first; none where the store does not keep escalations.
   */
  default List<EscalatedAlert> escalated(RotationId rotation, Instant since) {
    return List.of();
  }
}
