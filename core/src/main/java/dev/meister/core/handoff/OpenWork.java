package dev.meister.core.handoff;

import dev.meister.core.alert.Alert;
import dev.meister.core.schedule.RotationId;
import java.time.Instant;
import java.util.List;

/** Port: what a rotation's outgoing on-call leaves open, listed in the hand-off announcement. */
public interface OpenWork {
  /**
   * Issues linked to the rotation's alerts since {@code since}, newest first, without repeats and
   * without those Meister saw closed, each with its priority when Meister filed it.
   */
  List<OpenIssue> issues(RotationId rotation, Instant since);

  /** The rotation's alerts since {@code since} that nobody acknowledged, newest first. */
  List<Alert> unacknowledged(RotationId rotation, Instant since);
}
