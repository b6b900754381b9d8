package dev.meister.bot.webhook.airflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meister.bot.webhook.WebhookJson;
import dev.meister.bot.webhook.WebhookRejection;
import dev.meister.core.alert.AirflowTask;
import dev.meister.core.alert.Outcome;
import dev.meister.core.alert.RunEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Translates the Airflow callback JSON (documented in {@code docs/webhooks.md}). */
final class AirflowPayload {
  /** Tracebacks can be long; the chat message needs the top and the log link has the rest. */
  static final int EXCEPTION_LIMIT = 4_000;

  private static final Logger log = LoggerFactory.getLogger(AirflowPayload.class);

  private AirflowPayload() {}

  /**
   * @param instances the configured Airflow UIs by instance name, for a payload naming its {@code
   *     airflow_instance}
   */
  static RunEvent event(ObjectNode root, Clock clock, Map<String, AirflowUi> instances) {
    String dagId = required(root, "dag_id");
    String runId = required(root, "run_id");
    String taskId = required(root, "task_id");
    int tryNumber = tryNumber(root);
    String logicalDate =
        text(root, "logical_date")
            .or(() -> text(root, "execution_date"))
            .orElseThrow(() -> WebhookRejection.missingField("logical_date"));
    List<String> tags = tags(root);
    Optional<AirflowUi> ui = configuredUi(root, instances);

    AirflowTask task =
        AirflowTask.builder(dagId)
            .dagRunId(runId)
            .taskId(taskId)
            .tryNumber(tryNumber)
            .logicalDate(logicalDate)
            .startDate(text(root, "start_date").orElse(null))
            .dagRunStartDate(text(root, "dag_run_start_date").orElse(null))
            .logUrl(text(root, "log_url").orElse(null))
            .exception(text(root, "exception").map(AirflowPayload::cap).orElse(null))
            .tags(tags)
            .region(text(root, "region").or(() -> regionTag(tags)).orElse(null))
            .airflowUrl(ui.map(AirflowUi::baseUrl).or(() -> text(root, "airflow_url")).orElse(null))
            .airflowVersion(
                text(root, "airflow_version").or(() -> ui.map(AirflowUi::version)).orElse(null))
            .notebookUrl(text(root, "notebook_url").orElse(null))
            .build();

    Outcome outcome =
        text(root, "state").filter(s -> s.equalsIgnoreCase("success")).isPresent()
            ? Outcome.SUCCEEDED
            : Outcome.FAILED;
    return new RunEvent(
        deliveryKey(root, dagId, runId, taskId, tryNumber),
        outcome,
        endDate(root).orElseGet(clock::instant),
        task);
  }

  /**
   * The configured UI of the instance the payload names. The configuration wins over the payload's
   * {@code airflow_url}: the operator chose it, while Airflow's own base URL is often left at its
   * localhost default. An unknown name is logged, not refused: the alert matters more than its
   * link.
   */
  private static Optional<AirflowUi> configuredUi(JsonNode root, Map<String, AirflowUi> instances) {
    Optional<String> name = text(root, "airflow_instance");
    if (name.isEmpty()) {
      return Optional.empty();
    }
    AirflowUi ui = instances.get(name.get());
    if (ui == null) {
      log.warn(
          "Airflow callback names airflow_instance '{}', which is not under 'airflow' (known: {});"
              + " its link uses the callback's airflow_url",
          name.get(),
          instances.keySet());
    }
    return Optional.ofNullable(ui);
  }

  /**
   * {@code airflow:dag/run/task/try}; a mapped task instance adds {@code [map_index]} after the
   * task, since all instances of a mapped task share dag, run, task and try.
   */
  private static String deliveryKey(
      JsonNode root, String dagId, String runId, String taskId, int tryNumber) {
    JsonNode mapIndex = root.path("map_index");
    String task =
        mapIndex.canConvertToInt() && mapIndex.asInt() >= 0
            ? taskId + "[" + mapIndex.asInt() + "]"
            : taskId;
    return "airflow:" + dagId + "/" + runId + "/" + task + "/" + tryNumber;
  }

  private static int tryNumber(JsonNode root) {
    String value = required(root, "try_number");
    if (!value.chars().allMatch(Character::isDigit) || value.length() > 9) {
      throw WebhookRejection.invalidField("try_number", "must be a whole number");
    }
    return Integer.parseInt(value);
  }

  private static List<String> tags(JsonNode root) {
    JsonNode node = root.path("tags");
    List<String> tags = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(t -> addTag(tags, t.isValueNode() ? t.asText() : ""));
    } else if (node.isTextual()) {
      for (String t : node.asText().split(",", -1)) {
        addTag(tags, t);
      }
    }
    return tags;
  }

  private static void addTag(List<String> tags, String tag) {
    String clean = tag.strip();
    if (!clean.isEmpty() && !tags.contains(clean)) {
      tags.add(clean);
    }
  }

  /** {@code region:tokyo} or {@code region=tokyo}. */
  private static Optional<String> regionTag(List<String> tags) {
    for (String tag : tags) {
      if (tag.length() > "region:".length()
          && tag.regionMatches(true, 0, "region", 0, "region".length())
          && (tag.charAt(6) == ':' || tag.charAt(6) == '=')) {
        String region = tag.substring(7).strip();
        if (!region.isEmpty()) {
          return Optional.of(region);
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<Instant> endDate(JsonNode root) {
    Optional<String> value = text(root, "end_date");
    if (value.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(value.get()).toInstant());
    } catch (DateTimeParseException e) {
      throw WebhookRejection.invalidField("end_date", "is not an ISO-8601 date-time with offset");
    }
  }

  /**
   * At most {@link #EXCEPTION_LIMIT} characters: the head and the tail with "…" between, because a
   * Python traceback names the error in its last line, which the alert's fingerprint reads.
   */
  static String cap(String exception) {
    if (exception.length() <= EXCEPTION_LIMIT) {
      return exception;
    }
    String gap = "\n…\n";
    int tail = (EXCEPTION_LIMIT - gap.length()) / 2;
    int headEnd = EXCEPTION_LIMIT - gap.length() - tail;
    if (Character.isHighSurrogate(exception.charAt(headEnd - 1))) {
      headEnd--;
    }
    int tailStart = exception.length() - tail;
    if (Character.isLowSurrogate(exception.charAt(tailStart))) {
      tailStart++;
    }
    return exception.substring(0, headEnd) + gap + exception.substring(tailStart);
  }

  private static String required(JsonNode root, String field) {
    return text(root, field).orElseThrow(() -> WebhookRejection.missingField(field));
  }

  private static Optional<String> text(JsonNode root, String field) {
    return WebhookJson.text(root, field).map(String::strip);
  }
}
