package dev.meister.bot.airflow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meister.core.status.DagRun;
import dev.meister.core.status.RunState;
import dev.meister.core.status.TaskRun;
import dev.meister.core.status.TaskState;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/**
 * Reads Airflow's DAG run and task instance objects, both API versions: v1 has {@code
 * execution_date} (and {@code logical_date} since 2.2), v2 has {@code logical_date}, which may be
 * null, and {@code run_after}; v1's runs are due at their {@code data_interval_end}. A task's
 * {@code state} is null (or {@code "none"} before 2.7) until the scheduler looks at it.
 */
final class AirflowJson {
  private AirflowJson() {}

  static DagRun dagRun(JsonNode run) {
    Instant logical = instant(run, "logical_date");
    if (logical == null) {
      logical = instant(run, "execution_date");
    }
    Instant runAfter = instant(run, "run_after");
    if (runAfter == null) {
      // Airflow 2 starts a scheduled run at the end of its data interval, one interval after the
      // logical date; that is when it was due.
      runAfter = instant(run, "data_interval_end");
    }
    return new DagRun(
        text(run, "dag_id"),
        text(run, "dag_run_id"),
        RunState.parse(text(run, "state")),
        logical,
        runAfter != null ? runAfter : logical,
        instant(run, "start_date"),
        instant(run, "end_date"));
  }

  static TaskRun taskRun(JsonNode task) {
    JsonNode mapIndex = task.get("map_index");
    JsonNode state = task.get("state");
    return new TaskRun(
        text(task, "task_id"),
        mapIndex == null || mapIndex.isNull() ? -1 : mapIndex.asInt(-1),
        TaskState.parse(state == null || state.isNull() ? null : state.asText()));
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull() || !value.isValueNode() || value.asText().isBlank()) {
      throw new IllegalArgumentException("field '" + field + "' is missing");
    }
    return value.asText();
  }

  private static @Nullable Instant instant(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull() || value.asText().isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value.asText()).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("field '" + field + "' is not a date-time", e);
    }
  }
}
