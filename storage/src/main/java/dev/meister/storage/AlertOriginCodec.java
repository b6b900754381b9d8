package dev.meister.storage;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meister.core.alert.AirflowTask;
import dev.meister.core.alert.AlertOrigin;
import dev.meister.core.alert.AlertSource;
import dev.meister.core.alert.GitHubRun;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An {@link AlertOrigin} as a JSON object: {@code kind} ({@code github_run} or {@code
 * airflow_task}) and one field per fact present, named as the attributes of earlier versions were.
 *
 * <p>It also reads those earlier versions' rows, a flat object of strings whose kind was the row's
 * source: numbers written as text and comma-joined tags are read as numbers and lists.
 */
final class AlertOriginCodec {
  static final ObjectMapper JSON = new ObjectMapper();

  private static final String KIND = "kind";
  private static final String GITHUB_RUN = "github_run";
  private static final String AIRFLOW_TASK = "airflow_task";

  private AlertOriginCodec() {}

  /** The origin as a JSON object; {@link #read} reads it back. */
  static String write(AlertOrigin origin) throws SQLException {
    return Json.write(g -> write(g, origin), "an alert's origin");
  }

  /** Writes the origin as a JSON object, field by field (no tree: this runs in every intake). */
  static void write(JsonGenerator g, AlertOrigin origin) throws IOException {
    g.writeStartObject();
    if (origin instanceof GitHubRun run) {
      github(g, run);
    } else {
      airflow(g, (AirflowTask) origin);
    }
    g.writeEndObject();
  }

  /** Reads what {@link #write} wrote. */
  static AlertOrigin read(JsonNode node) throws SQLException {
    String kind = node.path(KIND).asText("");
    return switch (kind) {
      case GITHUB_RUN -> github(node);
      case AIRFLOW_TASK -> airflow(node);
      default -> throw new SQLException("stored alert origin has an unknown kind: " + kind);
    };
  }

  /** Reads an earlier version's flat attributes, of the kind its {@code source} column names. */
  static AlertOrigin readLegacy(AlertSource source, JsonNode attributes) throws SQLException {
    return source == AlertSource.GITHUB_ACTIONS ? github(attributes) : airflow(attributes);
  }

  private static void github(JsonGenerator g, GitHubRun run) throws IOException {
    g.writeStringField(KIND, GITHUB_RUN);
    g.writeStringField("repo", run.repo());
    putNumber(g, "run_id", run.runId());
    put(g, "job_name", run.job());
    put(g, "branch", run.branch());
    put(g, "event", run.event());
    put(g, "workflow_name", run.workflowName());
    put(g, "workflow_path", run.workflowPath());
    putNumber(g, "run_number", run.runNumber());
    putNumber(g, "run_attempt", run.runAttempt());
    put(g, "run_url", run.runUrl());
    put(g, "head_sha", run.headSha());
    put(g, "actor", run.actor());
    put(g, "commit_author", run.commitAuthor());
    put(g, "commit_message", run.commitMessage());
    put(g, "conclusion", run.conclusion());
    put(g, "test_type", run.testType());
  }

  private static GitHubRun github(JsonNode n) throws SQLException {
    String repo = text(n, "repo");
    if (repo == null) {
      throw new SQLException("stored GitHub alert has no repo");
    }
    return GitHubRun.builder(repo)
        .runId(number(n, "run_id"))
        .job(text(n, "job_name"))
        .branch(text(n, "branch"))
        .event(text(n, "event"))
        .workflowName(text(n, "workflow_name"))
        .workflowPath(text(n, "workflow_path"))
        .runNumber(integer(n, "run_number"))
        .runAttempt(integer(n, "run_attempt"))
        .runUrl(text(n, "run_url"))
        .headSha(text(n, "head_sha"))
        .actor(text(n, "actor"))
        .commitAuthor(text(n, "commit_author"))
        .commitMessage(text(n, "commit_message"))
        .conclusion(text(n, "conclusion"))
        .testType(text(n, "test_type"))
        .build();
  }

  private static void airflow(JsonGenerator g, AirflowTask task) throws IOException {
    g.writeStringField(KIND, AIRFLOW_TASK);
    g.writeStringField("dag_id", task.dagId());
    put(g, "dag_run_id", task.dagRunId());
    put(g, "task_id", task.taskId());
    putNumber(g, "try_number", task.tryNumber());
    put(g, "logical_date", task.logicalDate());
    put(g, "start_date", task.startDate());
    put(g, "dag_run_start_date", task.dagRunStartDate());
    put(g, "log_url", task.logUrl());
    put(g, "exception", task.exception());
    if (!task.tags().isEmpty()) {
      g.writeArrayFieldStart("tags");
      for (String tag : task.tags()) {
        g.writeString(tag);
      }
      g.writeEndArray();
    }
    put(g, "region", task.region());
    put(g, "airflow_url", task.airflowUrl());
    put(g, "airflow_version", task.airflowVersion());
    put(g, "notebook_url", task.notebookUrl());
  }

  private static AirflowTask airflow(JsonNode n) throws SQLException {
    String dag = text(n, "dag_id");
    if (dag == null) {
      throw new SQLException("stored Airflow alert has no dag_id");
    }
    return AirflowTask.builder(dag)
        .dagRunId(text(n, "dag_run_id"))
        .taskId(text(n, "task_id"))
        .tryNumber(integer(n, "try_number"))
        .logicalDate(text(n, "logical_date"))
        .startDate(text(n, "start_date"))
        .dagRunStartDate(text(n, "dag_run_start_date"))
        .logUrl(text(n, "log_url"))
        .exception(text(n, "exception"))
        .tags(tags(n.path("tags")))
        .region(text(n, "region"))
        .airflowUrl(text(n, "airflow_url"))
        .airflowVersion(text(n, "airflow_version"))
        .notebookUrl(text(n, "notebook_url"))
        .build();
  }

  private static void put(JsonGenerator g, String field, Optional<String> value)
      throws IOException {
    if (value.isPresent()) {
      g.writeStringField(field, value.get());
    }
  }

  private static void putNumber(JsonGenerator g, String field, Optional<? extends Number> value)
      throws IOException {
    if (value.isPresent()) {
      g.writeNumberField(field, value.get().longValue());
    }
  }

  private static @Nullable String text(JsonNode n, String field) {
    JsonNode v = n.path(field);
    return v.isValueNode() && !v.isNull() ? v.asText() : null;
  }

  /** A number, or an earlier version's digits; other text is left out, as no reader used it. */
  private static @Nullable Long number(JsonNode n, String field) {
    JsonNode v = n.path(field);
    if (v.isIntegralNumber()) {
      return v.asLong();
    }
    String digits = text(n, field);
    return digits != null && digits.matches("-?\\d{1,18}") ? Long.valueOf(digits) : null;
  }

  private static @Nullable Integer integer(JsonNode n, String field) {
    Long value = number(n, field);
    return value != null && value == value.intValue() ? value.intValue() : null;
  }

  /** A list, or an earlier version's comma-joined text. */
  private static List<String> tags(JsonNode node) {
    List<String> tags = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(t -> tags.add(t.asText()));
    } else if (node.isTextual()) {
      for (String t : node.asText().split(",", -1)) {
        if (!t.isBlank()) {
          tags.add(t.strip());
        }
      }
    }
    return tags;
  }
}
