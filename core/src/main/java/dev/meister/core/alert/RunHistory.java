package dev.meister.core.alert;

import java.time.Instant;
import java.util.Optional;

/**
 * Port: successful pipeline runs, kept so that a later issue can say "the build is green again"
 * under the alerts of a workflow and branch.
 */
public interface RunHistory {
  /** Records a success; false when this delivery was recorded before. Durable on return. */
  boolean recordSuccess(RunEvent event);

  /** When {@code workflowPath} of {@code repo} last succeeded on {@code branch}. */
  Optional<Instant> lastSuccess(String repo, String workflowPath, String branch);
}
