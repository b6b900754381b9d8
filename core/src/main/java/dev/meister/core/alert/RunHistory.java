package dev.meister.core.alert;

import dev.meister.core.chat.AlertId;
import java.time.Instant;
import java.util.Optional;

/**
 * Port: finished pipeline runs, successes and failures, kept so that a later success can say "the
 * build is green again" under the alerts of a workflow and branch, and a red build be chased.
 */
public interface RunHistory {
  /** Records a success; false when this delivery was recorded before. Durable on return. */
  boolean recordSuccess(RunEvent event);

  /**
   * Records a failure with the alert made of it, by its workflow (or DAG), branch and time, so a
   * later success of the same build finds it; false when it was recorded before.
   */
  boolean recordFailure(RunEvent event, AlertId alert);

  /** When {@code workflowPath} of {@code repo} last succeeded on {@code branch}. */
  Optional<Instant> lastSuccess(String repo, String workflowPath, String branch);
}
