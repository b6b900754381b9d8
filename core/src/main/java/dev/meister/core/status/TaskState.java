package dev.meister.core.status;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The state of one task instance as Airflow reports it. Airflow 2.7+ and 3 send {@code null} for a
 * task that has not been looked at yet; older Airflow 2 sends {@code "none"}: both are {@link
 * #NONE}.
 */
public enum TaskState {
  NONE,
  REMOVED,
  SCHEDULED,
  QUEUED,
  RUNNING,
  RESTARTING,
  DEFERRED,
  UP_FOR_RETRY,
  UP_FOR_RESCHEDULE,
  SUCCESS,
  SKIPPED,
  FAILED,
  UPSTREAM_FAILED;

  /**
   * Reads Airflow's spelling. A state this version does not know (a newer Airflow) counts as
   * running: it is neither done nor failed, and saying "not started" would be wrong.
   */
  public static TaskState parse(@Nullable String airflow) {
    if (airflow == null || airflow.isBlank() || airflow.equals("none")) {
      return NONE;
    }
    try {
      return valueOf(airflow.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException unknown) {
      return RUNNING;
    }
  }

  /** Finished without failing: it will not run again in this run on its own. */
  public boolean isDone() {
    return this == SUCCESS || this == SKIPPED;
  }

  public boolean isFailed() {
    return this == FAILED || this == UPSTREAM_FAILED;
  }

  /**
   * Work on it has begun or is about to: the scheduler has queued it, a worker runs it, or it waits
   * for a retry, a reschedule or a trigger.
   */
  public boolean isActive() {
    return !isDone() && !isFailed() && this != NONE && this != REMOVED;
  }

  /** Airflow's own spelling, e.g. {@code upstream_failed}. */
  public String airflowName() {
    return this == NONE ? "none" : name().toLowerCase(Locale.ROOT);
  }
}
