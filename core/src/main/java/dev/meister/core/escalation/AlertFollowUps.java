package dev.meister.core.escalation;

import dev.meister.core.chat.AlertId;
import java.time.Instant;
import java.util.List;

/** Port: the follow-ups sent about alerts, and the alerts that may still need one. */
public interface AlertFollowUps {
  /**
   * Alerts received since {@code since} that nobody acknowledged nor escalated by hand, that no
   * silence caught and that are not resolved, oldest first: the candidates of the automatic ladder.
   */
  List<AlertId> unacknowledgedSince(Instant since, int limit);

  /** Failed GitHub Actions alerts received since {@code since}, oldest first. */
  List<AlertId> buildFailuresSince(Instant since, int limit);

  /**
   * The number of the latest follow-up of {@code kind} sent about {@code alert}; 0 if none. Steps
   * skipped while the bot was down are not sent late, so numbers may have gaps.
   */
  int lastStep(AlertId alert, FollowUpKind kind);

  /**
   * Records follow-up number {@code step} (from 1); false if it was recorded before, in which case
   * the caller must not send it again.
   */
  boolean record(AlertId alert, FollowUpKind kind, int step, Instant at);
}
