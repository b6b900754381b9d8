package dev.meister.core.status;

import dev.meister.core.validation.Checks;

/**
 * One task instance of a DAG run. A mapped task has one instance per map index (0, 1, ...); an
 * unmapped one has map index -1.
 */
public record TaskRun(String taskId, int mapIndex, TaskState state) {
  public TaskRun {
    Checks.notBlank(taskId, "taskId");
  }

  /** {@code task} or {@code task[3]} for a mapped instance. */
  public String label() {
    return mapIndex < 0 ? taskId : taskId + "[" + mapIndex + "]";
  }
}
