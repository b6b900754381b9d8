package dev.meister.bot.webhook.airflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meister.bot.webhook.Loopback;
import dev.meister.bot.webhook.Loopback.Answer;
import dev.meister.bot.webhook.RecordingSink;
import dev.meister.core.alert.AirflowTask;
import dev.meister.core.alert.AlertSource;
import dev.meister.core.alert.Outcome;
import dev.meister.core.alert.RunEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator.ReplaceUnderscores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayNameGeneration(ReplaceUnderscores.class)
class AirflowWebhookTest {
  private static final String PATH = "/hooks/airflow";
  private static final String TOKEN = "af-token-for-tests";
  private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final RecordingSink sink = new RecordingSink();
  private final Loopback server =
      new Loopback(new AirflowWebhook(TOKEN, Clock.fixed(NOW, ZoneOffset.UTC)), sink);

  @AfterEach
  void stop() {
    server.close();
  }

  /** What meister_notifier.py sends for a failed task on Airflow 3. */
  private static ObjectNode failure() {
    ObjectNode payload = JSON.createObjectNode();
    payload.put("dag_id", "sales_daily");
    payload.put("run_id", "scheduled__2026-11-22T00:00:00+00:00");
    payload.put("task_id", "load_orders");
    payload.put("try_number", 3);
    payload.put("map_index", -1);
    payload.put("state", "failed");
    payload.put("logical_date", "2026-11-22T00:00:00+00:00");
    payload.put("start_date", "2026-11-23T07:50:02.123456+00:00");
    payload.put("end_date", "2026-11-23T07:55:10.5+00:00");
    payload.put(
        "log_url",
        "https://airflow.example.com/dags/sales_daily/runs/r/tasks/load_orders?try_number=3");
    payload.put("exception", "psycopg2.OperationalError: could not connect to server");
    payload.putArray("tags").add("sales").add("region:tokyo");
    payload.put("airflow_url", "https://airflow.example.com");
    return payload;
  }

  private Answer post(ObjectNode payload, Map<String, String> headers) {
    return server.post(PATH, headers, payload.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static Map<String, String> bearer(String token) {
    return Map.of("Content-Type", "application/json", "Authorization", "Bearer " + token);
  }

  @Test
  void a_failed_task_with_the_right_token_reaches_the_sink_with_its_facts() {
    Answer answer = post(failure(), bearer(TOKEN));

    assertThat(answer.status()).isEqualTo(202);
    RunEvent event = sink.onlyEvent();
    assertThat(event.source()).isEqualTo(AlertSource.AIRFLOW);
    assertThat(event.deliveryKey())
        .isEqualTo("airflow:sales_daily/scheduled__2026-11-22T00:00:00+00:00/load_orders/3");
    assertThat(event.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(event.occurredAt()).isEqualTo(Instant.parse("2026-11-23T07:55:10.5Z"));
    assertThat(event.origin())
        .isEqualTo(
            AirflowTask.builder("sales_daily")
                .dagRunId("scheduled__2026-11-22T00:00:00+00:00")
                .taskId("load_orders")
                .tryNumber(3)
                .logicalDate("2026-11-22T00:00:00+00:00")
                .startDate("2026-11-23T07:50:02.123456+00:00")
                .logUrl(
                    "https://airflow.example.com/dags/sales_daily/runs/r/tasks/load_orders?try_number=3")
                .exception("psycopg2.OperationalError: could not connect to server")
                .tags(List.of("sales", "region:tokyo"))
                .region("tokyo")
                .airflowUrl("https://airflow.example.com")
                .build());
  }

  @Test
  void a_wrong_token_is_401_and_never_reaches_the_sink() {
    Answer answer = post(failure(), bearer("not-" + TOKEN));

    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.text("error")).isEqualTo("invalid token");
    assertThat(sink.events()).isEmpty();
  }

  @Test
  void a_missing_token_is_401_and_never_reaches_the_sink() {
    Answer answer = post(failure(), Map.of("Content-Type", "application/json"));

    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.text("error")).isEqualTo("missing bearer token");
    assertThat(sink.events()).isEmpty();
  }

  @Test
  void basic_auth_with_the_token_is_not_a_bearer_token() {
    Map<String, String> basic =
        Map.of("Content-Type", "application/json", "Authorization", "Basic " + TOKEN);

    Answer answer = post(failure(), basic);

    assertThat(answer.status()).isEqualTo(401);
  }

  @ParameterizedTest
  @ValueSource(strings = {"dag_id", "run_id", "task_id", "try_number", "logical_date"})
  void a_missing_required_field_is_400_naming_it(String field) {
    ObjectNode payload = failure();
    payload.remove(field);

    Answer answer = post(payload, bearer(TOKEN));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.text("error")).isEqualTo("missing field '" + field + "'");
    assertThat(answer.text("field")).isEqualTo(field);
    assertThat(sink.events()).isEmpty();
  }

  @Test
  void airflow_2s_execution_date_stands_in_for_logical_date() {
    ObjectNode payload = failure();
    payload.remove("logical_date");
    payload.put("execution_date", "2026-11-22T00:00:00+00:00");

    post(payload, bearer(TOKEN));

    assertThat(task().logicalDate()).contains("2026-11-22T00:00:00+00:00");
  }

  @Test
  void a_non_numeric_try_number_is_400() {
    ObjectNode payload = failure();
    payload.put("try_number", "third");

    Answer answer = post(payload, bearer(TOKEN));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.text("error")).isEqualTo("field 'try_number' must be a whole number");
  }

  @Test
  void the_region_comes_from_a_region_equals_tag() {
    ObjectNode payload = failure();
    payload.putArray("tags").add("region=osaka").add("sales");

    post(payload, bearer(TOKEN));

    assertThat(task().region()).contains("osaka");
  }

  @Test
  void a_region_field_wins_over_a_region_tag() {
    ObjectNode payload = failure();
    payload.put("region", "frankfurt");

    post(payload, bearer(TOKEN));

    assertThat(task().region()).contains("frankfurt");
  }

  @Test
  void without_a_region_field_or_tag_there_is_no_region() {
    ObjectNode payload = failure();
    payload.putArray("tags").add("sales").add("regional-reports");

    post(payload, bearer(TOKEN));

    assertThat(task().region()).isEmpty();
  }

  @Test
  void a_long_exception_is_cut_to_4000_characters_keeping_head_and_tail() {
    ObjectNode payload = failure();
    payload.put("exception", "E".repeat(10_000));

    post(payload, bearer(TOKEN));

    String exception = task().exception().orElseThrow();
    assertThat(exception).hasSize(4_000).startsWith("EEE").contains("E\n…\nE").endsWith("EEE");
  }

  @Test
  void a_success_state_is_recorded_as_succeeded() {
    ObjectNode payload = failure();
    payload.put("state", "success");

    Answer answer = post(payload, bearer(TOKEN));

    assertThat(answer.status()).isEqualTo(200);
    assertThat(sink.onlyEvent().outcome()).isEqualTo(Outcome.SUCCEEDED);
  }

  @Test
  void without_an_end_date_the_event_happened_when_it_arrived() {
    ObjectNode payload = failure();
    payload.remove("end_date");

    post(payload, bearer(TOKEN));

    assertThat(sink.onlyEvent().occurredAt()).isEqualTo(NOW);
  }

  @Test
  void the_same_try_posted_twice_is_one_delivery() {
    post(failure(), bearer(TOKEN));

    Answer again = post(failure(), bearer(TOKEN));

    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().path("duplicate").asBoolean()).isTrue();
  }

  @Test
  void mapped_task_instances_are_separate_deliveries() {
    ObjectNode payload = failure();
    payload.put("map_index", 4);

    post(payload, bearer(TOKEN));

    assertThat(sink.onlyEvent().deliveryKey())
        .isEqualTo("airflow:sales_daily/scheduled__2026-11-22T00:00:00+00:00/load_orders[4]/3");
  }

  @Test
  void a_form_body_is_415_for_airflow() {
    Map<String, String> form =
        Map.of(
            "Content-Type",
            "application/x-www-form-urlencoded",
            "Authorization",
            "Bearer " + TOKEN);

    Answer answer = post(failure(), form);

    assertThat(answer.status()).isEqualTo(415);
  }

  @Test
  void the_sink_failing_is_503() {
    sink.failWith(new IllegalStateException("disk full"));

    Answer answer = post(failure(), bearer(TOKEN));

    assertThat(answer.status()).isEqualTo(503);
    assertThat(answer.text("error")).isEqualTo("storage unavailable, retry");
  }

  // Seed 000: "A notification contains: DAG start timestamp, Link fo broken DAG".
  @Test
  void the_dag_runs_start_and_the_airflow_version_are_read_for_the_alert_and_its_link() {
    ObjectNode payload = failure();
    payload.put("dag_run_start_date", "2026-11-23T07:45:00.5+00:00");
    payload.put("airflow_version", "3.0.2");

    post(payload, bearer(TOKEN));

    assertThat(task().dagRunStartDate()).contains("2026-11-23T07:45:00.5+00:00");
    assertThat(task().airflowVersion()).contains("3.0.2");
    assertThat(task().dagRunUrl())
        .contains(
            "https://airflow.example.com/dags/sales_daily/runs/"
                + "scheduled__2026-11-22T00%3A00%3A00%2B00%3A00");
  }

  // Seed 000: "Paste the link of QA notebook if QA failed."
  @Test
  void a_qa_notebook_url_is_kept_for_the_alert_and_its_issue() {
    ObjectNode payload = failure();
    payload.put("notebook_url", "https://nb.example.com/qa.ipynb");

    post(payload, bearer(TOKEN));

    assertThat(task().notebookUrl()).contains("https://nb.example.com/qa.ipynb");
  }

  @Test
  void a_configured_airflow_instance_supplies_the_ui_address_over_the_callbacks_own() {
    ObjectNode payload = failure();
    payload.put("airflow_url", "http://localhost:8080");
    payload.put("airflow_instance", "prod");
    payload.remove("airflow_version");

    try (Loopback configured =
        new Loopback(
            new AirflowWebhook(
                TOKEN,
                Clock.fixed(NOW, ZoneOffset.UTC),
                Map.of("prod", new AirflowUi("https://airflow.prod.example.com", "2"))),
            sink)) {
      configured.post(PATH, bearer(TOKEN), payload.toString().getBytes(StandardCharsets.UTF_8));
    }

    assertThat(task().airflowUrl()).contains("https://airflow.prod.example.com");
    assertThat(task().dagRunUrl())
        .contains(
            "https://airflow.prod.example.com/dags/sales_daily/grid"
                + "?dag_run_id=scheduled__2026-11-22T00%3A00%3A00%2B00%3A00");
  }

  @Test
  void an_unknown_airflow_instance_still_delivers_with_the_callbacks_own_address() {
    ObjectNode payload = failure();
    payload.put("airflow_instance", "staging");

    Answer answer = post(payload, bearer(TOKEN));

    assertThat(answer.status()).isEqualTo(202);
    assertThat(task().airflowUrl()).contains("https://airflow.example.com");
  }

  /** The payload meister_notifier.py builds (its Python test checks it is this very file). */
  @Test
  void the_notifiers_committed_sample_payload_is_read_field_by_field() throws Exception {
    byte[] sample = Files.readAllBytes(Path.of("..", "examples", "airflow", "sample_payload.json"));

    Answer answer = server.post(PATH, bearer(TOKEN), sample);

    assertThat(answer.status()).isEqualTo(202);
    assertThat(task())
        .isEqualTo(
            AirflowTask.builder("bid_ask_tokyo")
                .dagRunId("scheduled__2026-11-20T03:00:00+00:00")
                .taskId("qa_check")
                .tryNumber(2)
                .logicalDate("2026-11-20T03:00:00+00:00")
                .startDate("2026-11-20T03:41:07+00:00")
                .dagRunStartDate("2026-11-20T03:00:04.512000+00:00")
                .logUrl(
                    "https://airflow.example.com/dags/bid_ask_tokyo/runs/"
                        + "scheduled__2026-11-20T03:00:00+00:00/tasks/qa_check?try_number=2")
                .exception("ValueError: QA failed: 12 rows with ask < bid")
                .tags(List.of("datapull", "region:tokyo"))
                .region("tokyo")
                .airflowUrl("https://airflow.example.com")
                .airflowVersion("3.0.2")
                .notebookUrl("https://notebooks.example.com/qa/bid_ask_tokyo/2026-11-20.ipynb")
                .build());
  }

  private AirflowTask task() {
    return (AirflowTask) sink.onlyEvent().origin();
  }
}
