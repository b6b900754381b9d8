package dev.meister.bot.airflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meister.bot.config.AirflowApi;
import dev.meister.bot.config.AirflowInstance;
import dev.meister.bot.config.Secret;
import dev.meister.core.status.DagRun;
import dev.meister.core.status.RunSourceException.Reason;
import dev.meister.core.status.RunState;
import dev.meister.core.status.TaskRun;
import dev.meister.core.status.TaskState;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AirflowClientTest {
  private final List<FakeAirflow> opened = new ArrayList<>();

  @AfterEach
  void stop() {
    opened.forEach(FakeAirflow::close);
  }

  private FakeAirflow open(FakeAirflow fake) {
    opened.add(fake);
    return fake;
  }

  static AirflowInstance instance(
      String url, AirflowApi api, Secret token, @Nullable String user, Secret password) {
    return new AirflowInstance("prod", url, api, token, user, password, Duration.ofSeconds(2));
  }

  private AirflowClient client(FakeAirflow fake, AirflowApi api) {
    return new AirflowClient(instance(fake.url(), api, Secret.of("t0ken"), null, Secret.absent()));
  }

  @Test
  void reads_the_latest_v2_run_with_its_run_after_and_null_end() throws IOException {
    FakeAirflow airflow = open(FakeAirflow.v2Running());

    DagRun run = client(airflow, AirflowApi.V2).latestRun("prod-dagao").orElseThrow();

    assertThat(run)
        .isEqualTo(
            new DagRun(
                "prod-dagao",
                "scheduled__2026-11-23T02:00:00+00:00",
                RunState.RUNNING,
                Instant.parse("2026-11-23T02:00:00Z"),
                Instant.parse("2026-11-23T02:00:00Z"),
                Instant.parse("2026-11-23T02:00:05Z"),
                null));
    assertThat(airflow.requests())
        .containsExactly("GET /api/v2/dags/prod-dagao/dagRuns?order_by=-run_after&limit=1");
    assertThat(airflow.authorizations()).containsExactly("Bearer t0ken");
  }

  @Test
  void reads_a_v1_run_by_its_execution_date() throws IOException {
    FakeAirflow airflow = open(FakeAirflow.v1Failed());

    DagRun run = client(airflow, AirflowApi.V1).latestRun("prod-dagao").orElseThrow();

    assertThat(run.state()).isEqualTo(RunState.FAILED);
    assertThat(run.logicalDate()).isEqualTo(Instant.parse("2026-11-22T02:00:00Z"));
    assertThat(run.endDate()).isEqualTo(Instant.parse("2026-11-22T04:11:00Z"));
    assertThat(airflow.requests())
        .containsExactly("GET /api/v1/dags/prod-dagao/dagRuns?order_by=-execution_date&limit=1");
  }

  @Test
  void task_instances_keep_null_states_and_map_indexes() throws IOException {
    FakeAirflow airflow = open(FakeAirflow.v2Running());
    airflow.mapped("itaipu-policies", "success", "running", "queued");

    var tasks = client(airflow, AirflowApi.V2).taskRuns("prod-dagao", airflow.runId());

    assertThat(tasks)
        .contains(
            new TaskRun("itaipu-contracts", -1, TaskState.SUCCESS),
            new TaskRun("capivara-dm", -1, TaskState.RUNNING),
            new TaskRun("itaipu-policies", 0, TaskState.SUCCESS),
            new TaskRun("itaipu-policies", 2, TaskState.QUEUED),
            new TaskRun("itaipu-rest", -1, TaskState.NONE));
    assertThat(tasks).hasSize(9);
  }

  @Test
  void task_instances_are_read_page_by_page_up_to_total_entries() throws IOException {
    FakeAirflow airflow = open(FakeAirflow.v1Failed());
    airflow.addTasks("extra-", 200);

    var tasks = client(airflow, AirflowApi.V1).taskRuns("prod-dagao", airflow.runId());

    assertThat(tasks).hasSize(207);
    assertThat(airflow.requests()).hasSize(3);
    assertThat(airflow.requests().get(2)).endsWith("taskInstances?limit=100&offset=200");
  }

  @Test
  void a_dag_airflow_does_not_know_is_not_found() throws IOException {
    FakeAirflow airflow = open(FakeAirflow.v2Running());

    assertThatThrownBy(() -> client(airflow, AirflowApi.V2).latestRun("no-such-dag"))
        .isInstanceOfSatisfying(
            AirflowException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND);
              assertThat(e.status()).isEqualTo(404);
            })
        .hasMessage(
            "Airflow 'prod' at 127.0.0.1:"
                + port(airflow)
                + " does not know DAG no-such-dag"
                + " (HTTP 404)");
  }

  @Test
  void wrong_credentials_are_refused_without_showing_them() throws IOException {
    FakeAirflow airflow = open(FakeAirflow.v2Running());
    airflow.requireAuthorization("Bearer right");

    assertThatThrownBy(() -> client(airflow, AirflowApi.V2).latestRun("prod-dagao"))
        .isInstanceOfSatisfying(
            AirflowException.class, e -> assertThat(e.reason()).isEqualTo(Reason.REFUSED))
        .hasMessage(
            "Airflow 'prod' at 127.0.0.1:"
                + port(airflow)
                + " refused the request (HTTP 401):"
                + " check the credentials in airflow.prod")
        .hasMessageNotContaining("t0ken");
  }

  @Test
  void airflow_2_takes_username_and_password_as_basic_auth() throws IOException {
    FakeAirflow airflow = open(FakeAirflow.v1Failed());
    airflow.requireAuthorization(
        "Basic "
            + Base64.getEncoder()
                .encodeToString("meister:s3cret".getBytes(StandardCharsets.UTF_8)));
    AirflowClient client =
        new AirflowClient(
            instance(
                airflow.url(), AirflowApi.V1, Secret.absent(), "meister", Secret.of("s3cret")));

    assertThat(client.latestRun("prod-dagao")).isPresent();
  }

  @Test
  void airflow_3_exchanges_username_and_password_for_a_jwt_and_renews_it_when_it_expires()
      throws IOException {
    FakeAirflow airflow = open(FakeAirflow.v2Running());
    airflow.issueTokensFor("meister", "s3cret");
    AirflowClient client =
        new AirflowClient(
            instance(
                airflow.url(), AirflowApi.V2, Secret.absent(), "meister", Secret.of("s3cret")));

    client.latestRun("prod-dagao");
    client.latestRun("prod-dagao");
    airflow.expireToken();
    client.latestRun("prod-dagao");

    assertThat(airflow.requests()).filteredOn(r -> r.equals("POST /auth/token")).hasSize(2);
    assertThat(airflow.authorizations())
        .containsSubsequence(
            "Bearer jwt-0", "Bearer jwt-0", "Bearer jwt-0", "null", "Bearer jwt-1");
  }

  @Test
  void a_wrong_password_on_airflow_3_is_refused_at_the_token_endpoint() throws IOException {
    FakeAirflow airflow = open(FakeAirflow.v2Running());
    airflow.issueTokensFor("meister", "s3cret");
    AirflowClient client =
        new AirflowClient(
            instance(airflow.url(), AirflowApi.V2, Secret.absent(), "meister", Secret.of("wrong")));

    assertThatThrownBy(() -> client.latestRun("prod-dagao"))
        .isInstanceOfSatisfying(
            AirflowException.class, e -> assertThat(e.reason()).isEqualTo(Reason.REFUSED))
        .hasMessageContaining("refused the username and password (HTTP 401)")
        .hasMessageNotContaining("wrong");
  }

  @Test
  void a_503_is_airflow_being_unreachable() throws IOException {
    FakeAirflow airflow = open(FakeAirflow.v2Running());
    airflow.failNext(1);

    assertThatThrownBy(() -> client(airflow, AirflowApi.V2).latestRun("prod-dagao"))
        .isInstanceOfSatisfying(
            AirflowException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNREACHABLE))
        .hasMessage(
            "Airflow 'prod' at 127.0.0.1:"
                + port(airflow)
                + " answered HTTP 503 for DAG"
                + " prod-dagao");
  }

  @Test
  void nothing_listening_is_unreachable() throws IOException {
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    AirflowClient client =
        new AirflowClient(
            instance(
                "http://127.0.0.1:" + closed,
                AirflowApi.V2,
                Secret.of("t"),
                null,
                Secret.absent()));

    assertThatThrownBy(() -> client.latestRun("prod-dagao"))
        .isInstanceOfSatisfying(
            AirflowException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNREACHABLE))
        .hasMessage("Airflow 'prod' at 127.0.0.1:" + closed + " is unreachable (ConnectException)");
  }

  @Test
  void an_airflow_that_accepts_but_never_answers_times_out() throws IOException {
    try (ServerSocket silent = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      AirflowClient client =
          new AirflowClient(
              new AirflowInstance(
                  "prod",
                  "http://127.0.0.1:" + silent.getLocalPort(),
                  AirflowApi.V2,
                  Secret.of("t"),
                  null,
                  Secret.absent(),
                  Duration.ofSeconds(1)));

      assertThatThrownBy(() -> client.latestRun("prod-dagao"))
          .isInstanceOfSatisfying(
              AirflowException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNREACHABLE))
          .hasMessage(
              "Airflow 'prod' at 127.0.0.1:" + silent.getLocalPort() + " did not answer within 1s");
    }
  }

  @Test
  void a_dag_that_never_ran_has_no_latest_run() throws IOException {
    FakeAirflow airflow = open(FakeAirflow.v2Running());
    airflow.noRuns();

    assertThat(client(airflow, AirflowApi.V2).latestRun("prod-dagao")).isEmpty();
  }

  private static int port(FakeAirflow airflow) {
    return Integer.parseInt(airflow.url().substring(airflow.url().lastIndexOf(':') + 1));
  }
}
