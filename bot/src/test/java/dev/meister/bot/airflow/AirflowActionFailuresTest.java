package dev.meister.bot.airflow;

import static dev.meister.bot.airflow.AirflowActionsTest.actions;
import static dev.meister.bot.airflow.AirflowActionsTest.target;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.meister.bot.config.AirflowApi;
import dev.meister.bot.config.AirflowInstance;
import dev.meister.bot.config.Secret;
import dev.meister.core.action.ActionKind;
import dev.meister.core.action.ActionRefusedException;
import dev.meister.core.action.ActionTarget.AirflowRun;
import dev.meister.core.action.ActionUnavailableException;
import dev.meister.testing.ApiAnswer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator.ReplaceUnderscores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * How Airflow's failures reach the action worker: a refusal (4xx) carries Airflow's own words and
 * is final, an outage (5xx, 429, no answer) is retried; no message names the token.
 */
@DisplayNameGeneration(ReplaceUnderscores.class)
class AirflowActionFailuresTest {
  private static final String TOKEN = "t0ken";

  private final List<FakeAirflow> opened = new ArrayList<>();

  @AfterEach
  void stop() {
    opened.forEach(FakeAirflow::close);
  }

  private FakeAirflow open(AirflowApi api) throws IOException {
    FakeAirflow fake = api == AirflowApi.V1 ? FakeAirflow.v1Failed() : FakeAirflow.v2Running();
    opened.add(fake);
    return fake;
  }

  private static String host(FakeAirflow airflow) {
    return "Airflow 'prod' at 127.0.0.1:" + airflow.port();
  }

  /** The message and every cause's message: none may hold the token. */
  static void assertNoToken(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      assertThat(String.valueOf(t.getMessage())).doesNotContain(TOKEN);
    }
  }

  @ParameterizedTest
  @EnumSource(AirflowApi.class)
  void a_503_is_an_outage_to_retry(AirflowApi api) throws IOException {
    FakeAirflow airflow = open(api);
    airflow.failNext(1);

    Throwable thrown =
        catchThrowable(
            () -> actions(airflow, api).execute(target(airflow, "finance"), ActionKind.CLEAR));

    assertThat(thrown)
        .isInstanceOfSatisfying(
            ActionUnavailableException.class, e -> assertThat(e.retryAfter()).isEmpty())
        .hasMessage(
            host(airflow)
                + " answered HTTP 503 for clear finance in run "
                + airflow.runId()
                + " of DAG prod-dagao");
    assertNoToken(thrown);
  }

  @Test
  void a_429_is_an_outage_that_lasts_as_long_as_retry_after_says() throws IOException {
    FakeAirflow airflow = open(AirflowApi.V2);
    airflow.failNext(
        r -> true,
        ApiAnswer.json(429, "{\"detail\":\"Too Many Requests\"}").withHeader("Retry-After", "30"));

    Throwable thrown =
        catchThrowable(
            () ->
                actions(airflow, AirflowApi.V2)
                    .execute(target(airflow, "finance"), ActionKind.MARK_SUCCESS));

    assertThat(thrown)
        .isInstanceOfSatisfying(
            ActionUnavailableException.class,
            e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(30)));
    assertNoToken(thrown);
  }

  @Test
  void retry_after_as_a_date_counts_from_the_answers_own_date() throws IOException {
    FakeAirflow airflow = open(AirflowApi.V1);
    // The loopback server stamps its Date itself; two minutes past now is two minutes past it.
    String later =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(
            ZonedDateTime.now(ZoneOffset.UTC).plusMinutes(2));
    airflow.failNext(
        r -> true, ApiAnswer.json(503, "{\"title\":\"Busy\"}").withHeader("Retry-After", later));

    Throwable thrown =
        catchThrowable(
            () ->
                actions(airflow, AirflowApi.V1)
                    .preview(target(airflow, "finance"), ActionKind.CLEAR));

    assertThat(thrown)
        .isInstanceOfSatisfying(
            ActionUnavailableException.class,
            e ->
                assertThat(e.retryAfter().orElseThrow())
                    .isBetween(Duration.ofSeconds(110), Duration.ofSeconds(121)));
  }

  @ParameterizedTest
  @EnumSource(AirflowApi.class)
  void a_403_is_refused_with_airflows_words_and_a_hint(AirflowApi api) throws IOException {
    FakeAirflow airflow = open(api);
    String body =
        api == AirflowApi.V1
            ? "{\"detail\":\"You do not have permission to perform this action.\",\"status\":403,"
                + "\"title\":\"Forbidden\",\"type\":\"https://airflow.apache.org/docs/apache-airflow"
                + "/2.10.0/stable-rest-api-ref.html#section/Errors/PermissionDenied\"}"
            : "{\"detail\":\"You do not have permission to perform this action.\"}";
    airflow.failNext(r -> r.method().equals("PATCH"), ApiAnswer.json(403, body));
    AirflowRun run = new AirflowRun("prod", airflow.dagId(), airflow.runId(), Optional.empty());

    Throwable thrown = catchThrowable(() -> actions(airflow, api).execute(run, ActionKind.PAUSE));

    assertThat(thrown)
        .isInstanceOfSatisfying(
            ActionRefusedException.class, e -> assertThat(e.status()).isEqualTo(403))
        .hasMessage(
            host(airflow)
                + " refused to pause DAG prod-dagao (HTTP 403): You do not have permission to"
                + " perform this action. (check the credentials in airflow.prod)");
    assertNoToken(thrown);
    assertThat(airflow.paused()).isFalse();
  }

  @ParameterizedTest
  @EnumSource(AirflowApi.class)
  void a_run_airflow_does_not_know_is_refused_with_its_404(AirflowApi api) throws IOException {
    FakeAirflow airflow = open(api);
    AirflowRun gone =
        new AirflowRun("prod", airflow.dagId(), "manual__2026-11-20", Optional.of("finance"));

    Throwable thrown =
        catchThrowable(() -> actions(airflow, api).preview(gone, ActionKind.CLEAR_DOWNSTREAM));

    assertThat(thrown)
        .isInstanceOfSatisfying(
            ActionRefusedException.class, e -> assertThat(e.status()).isEqualTo(404))
        .hasMessage(
            host(airflow)
                + " refused to clear finance in run manual__2026-11-20 of DAG prod-dagao"
                + " (HTTP 404): Dag Run id manual__2026-11-20 not found in dag prod-dagao");
    assertNoToken(thrown);
  }

  @Test
  void marking_a_task_that_already_succeeded_is_airflow_3s_409() throws IOException {
    // In the running fixture finance has already succeeded.
    FakeAirflow airflow = open(AirflowApi.V2);

    Throwable thrown =
        catchThrowable(
            () ->
                actions(airflow, AirflowApi.V2)
                    .execute(target(airflow, "finance"), ActionKind.MARK_SUCCESS));

    assertThat(thrown)
        .isInstanceOfSatisfying(
            ActionRefusedException.class, e -> assertThat(e.status()).isEqualTo(409))
        .hasMessage(
            host(airflow)
                + " refused to mark finance successful in run "
                + airflow.runId()
                + " of DAG prod-dagao (HTTP 409): Task id finance is already in success state");
    assertThat(airflow.stateOf("finance")).isEqualTo("success");
  }

  @Test
  void a_422_names_the_field_fastapi_rejected() throws IOException {
    FakeAirflow airflow = open(AirflowApi.V2);
    airflow.failNext(
        r -> true,
        ApiAnswer.json(
            422,
            "{\"detail\":[{\"type\":\"string_type\",\"loc\":[\"body\",\"task_ids\",0],"
                + "\"msg\":\"Input should be a valid string\",\"input\":7}]}"));

    Throwable thrown =
        catchThrowable(
            () ->
                actions(airflow, AirflowApi.V2)
                    .execute(target(airflow, "finance"), ActionKind.CLEAR));

    assertThat(thrown)
        .isInstanceOfSatisfying(
            ActionRefusedException.class, e -> assertThat(e.status()).isEqualTo(422))
        .hasMessageEndingWith("(HTTP 422): task_ids.0: Input should be a valid string");
    assertNoToken(thrown);
  }

  @Test
  void a_task_airflow_does_not_know_is_refused_in_v1s_problem_json() throws IOException {
    FakeAirflow airflow = open(AirflowApi.V1);

    Throwable thrown =
        catchThrowable(
            () ->
                actions(airflow, AirflowApi.V1)
                    .preview(target(airflow, "no-such-task"), ActionKind.MARK_SUCCESS));

    assertThat(thrown)
        .isInstanceOfSatisfying(
            ActionRefusedException.class, e -> assertThat(e.status()).isEqualTo(404))
        .hasMessageEndingWith("(HTTP 404): Task 'no-such-task' not found in DAG 'prod-dagao'");
  }

  @Test
  void an_airflow_that_never_answers_is_an_outage_after_its_timeout() throws IOException {
    try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      AirflowActions actions =
          new AirflowActions(
              new AirflowClient(
                  new AirflowInstance(
                      "prod",
                      "http://127.0.0.1:" + silent.getLocalPort(),
                      AirflowApi.V1,
                      Secret.of(TOKEN),
                      null,
                      Secret.absent(),
                      Duration.ofSeconds(1))));
      AirflowRun run = new AirflowRun("prod", "prod-dagao", "r1", Optional.of("finance"));

      Throwable thrown = catchThrowable(() -> actions.execute(run, ActionKind.CLEAR));

      assertThat(thrown)
          .isInstanceOf(ActionUnavailableException.class)
          .hasMessage(
              "Airflow 'prod' at 127.0.0.1:" + silent.getLocalPort() + " did not answer within 1s");
      assertNoToken(thrown);
    }
  }

  @Test
  void a_proxys_html_page_on_a_write_is_an_outage() throws IOException {
    FakeAirflow airflow = open(AirflowApi.V2);
    airflow.failNext(r -> true, ApiAnswer.text(200, "text/html", "<html>Sign in</html>"));

    Throwable thrown =
        catchThrowable(
            () ->
                actions(airflow, AirflowApi.V2)
                    .execute(target(airflow, "finance"), ActionKind.CLEAR));

    assertThat(thrown)
        .isInstanceOf(ActionUnavailableException.class)
        .hasMessage(
            host(airflow)
                + " sent an unexpected answer for clear finance in run "
                + airflow.runId()
                + " of DAG prod-dagao: not JSON");
  }
}
