package dev.meister.core.filing;

import dev.meister.core.chat.AlertId;
import java.time.Instant;
import java.util.List;

/** Which alerts' threads were told their build is green again. */
public interface GreenNotices {
  /**
   * The failures of {@code workflowPath} of {@code repo} on {@code branch} (as the run history
   * recorded them) that occurred before {@code before} and were not told yet, oldest first. An
   * indexed read of that build's untold failures, however many alerts there are.
   */
  List<AlertId> untold(String repo, String workflowPath, String branch, Instant before, int limit);

  /**
   * The failures of Airflow task {@code taskId} of {@code dagId} (any run) that occurred before
   * {@code before} and were not told yet, oldest first: those a later success of it may resolve.
   */
  List<AlertId> untoldTasks(String dagId, String taskId, Instant before, int limit);

  /** Records the notice; false when the alert had one already, which must not be repeated. */
  boolean notice(AlertId alert, String successKey, Instant at);
}
