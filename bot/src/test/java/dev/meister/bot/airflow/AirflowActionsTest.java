package dev.meister.bot.airflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meister.bot.config.AirflowApi;
import dev.meister.bot.config.AirflowInstance;
import dev.meister.bot.config.Secret;
import dev.meister.core.action.ActionKind;
import dev.meister.core.action.ActionPreview;
import dev.meister.core.action.ActionResult;
import dev.meister.core.action.ActionTarget.AirflowRun;
import java.io.IOException;
import java.time.Duration;
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
 * Seed 003's recovery steps against a fake Airflow 2 (v1) and Airflow 3 (v2) in the specs' shapes:
 * the dagao run where finance failed and everything below it is upstream_failed.
 */
@DisplayNameGeneration(ReplaceUnderscores.class)
class AirflowActionsTest {
  private final List<FakeAirflow> opened = new ArrayList<>();

  @AfterEach
  void stop() {
    opened.forEach(FakeAirflow::close);
  }

  /** finance failed; itaipu-policies, itaipu-rest and capivara-rest upstream_failed. */
  FakeAirflow failedRun(AirflowApi api) throws IOException {
    FakeAirflow fake;
    if (api == AirflowApi.V1) {
      fake = FakeAirflow.v1Failed();
    } else {
      fake = FakeAirflow.v2Running();
      fake.state("finance", "failed");
      fake.state("itaipu-policies", "upstream_failed");
      fake.state("itaipu-rest", "upstream_failed");
      fake.state("capivara-rest", "upstream_failed");
      fake.state("capivara-dm", "success");
      fake.runState("failed");
    }
    opened.add(fake);
    return fake;
  }

  static AirflowActions actions(FakeAirflow fake, AirflowApi api) {
    return new AirflowActions(
        new AirflowClient(
            new AirflowInstance(
                "prod",
                fake.url(),
                api,
                Secret.of("t0ken"),
                null,
                Secret.absent(),
                Duration.ofSeconds(2))));
  }

  static AirflowRun target(FakeAirflow fake, String task) {
    return new AirflowRun("prod", fake.dagId(), fake.runId(), Optional.of(task));
  }

  private static String prefix(AirflowApi api) {
    return "/api/" + (api == AirflowApi.V1 ? "v1" : "v2") + "/dags/prod-dagao";
  }

  @ParameterizedTest
  @EnumSource(AirflowApi.class)
  void clear_previews_a_dry_run_of_the_failed_task_alone(AirflowApi api) throws IOException {
    FakeAirflow airflow = failedRun(api);

    ActionPreview preview =
        actions(airflow, api).preview(target(airflow, "finance"), ActionKind.CLEAR);

    // v1 answers TaskInstanceReferences, which carry no state.
    assertThat(preview.items())
        .containsExactly(api == AirflowApi.V1 ? "finance" : "finance [failed]");
    assertThat(preview.summary())
        .isEqualTo("Would clear 1 task instance of run " + airflow.runId() + ": finance");
    JsonNode body = airflow.bodies("POST", "/clearTaskInstances").get(0);
    assertThat(body.path("dry_run").asBoolean(false)).isTrue();
    assertThat(body.path("dag_run_id").asText()).isEqualTo(airflow.runId());
    assertThat(body.path("task_ids").toString()).isEqualTo("[\"finance\"]");
    assertThat(body.path("include_downstream").asBoolean(true)).isFalse();
    assertThat(body.path("only_failed").asBoolean(false)).isTrue();
    assertThat(airflow.stateOf("finance")).isEqualTo("failed");
    assertThat(airflow.requests()).containsExactly("POST " + prefix(api) + "/clearTaskInstances");
  }

  @ParameterizedTest
  @EnumSource(AirflowApi.class)
  void clear_clears_the_failed_task_and_sets_its_run_back_to_queued(AirflowApi api)
      throws IOException {
    FakeAirflow airflow = failedRun(api);

    ActionResult result =
        actions(airflow, api).execute(target(airflow, "finance"), ActionKind.CLEAR);

    assertThat(result.summary()).isEqualTo("Cleared 1 task instance of run " + airflow.runId());
    assertThat(result.items()).containsExactly("finance");
    assertThat(airflow.stateOf("finance")).isNull();
    assertThat(airflow.stateOf("itaipu-policies")).isEqualTo("upstream_failed");
    assertThat(airflow.runStateNow()).isEqualTo("queued");
    JsonNode body = airflow.bodies("POST", "/clearTaskInstances").get(0);
    assertThat(body.path("dry_run").asBoolean(true)).isFalse();
    // v1 defaults reset_dag_runs to false: the cleared run would stay failed and never run.
    assertThat(body.path("reset_dag_runs").asBoolean(false)).isTrue();
  }

  @ParameterizedTest
  @EnumSource(AirflowApi.class)
  void clear_downstream_takes_the_failed_downstream_tasks_and_leaves_the_others(AirflowApi api)
      throws IOException {
    FakeAirflow airflow = failedRun(api);
    airflow.state("capivara-rest", "skipped");
    AirflowActions actions = actions(airflow, api);

    ActionPreview preview =
        actions.preview(target(airflow, "finance"), ActionKind.CLEAR_DOWNSTREAM);
    ActionResult result = actions.execute(target(airflow, "finance"), ActionKind.CLEAR_DOWNSTREAM);

    assertThat(preview.summary())
        .isEqualTo(
            "Would clear 3 task instances of run "
                + airflow.runId()
                + ": finance, itaipu-policies, itaipu-rest");
    assertThat(result.summary()).isEqualTo("Cleared 3 task instances of run " + airflow.runId());
    assertThat(result.items()).containsExactly("finance", "itaipu-policies", "itaipu-rest");
    assertThat(airflow.stateOf("itaipu-rest")).isNull();
    assertThat(airflow.stateOf("capivara-rest")).isEqualTo("skipped");
    List<JsonNode> bodies = airflow.bodies("POST", "/clearTaskInstances");
    assertThat(bodies).extracting(b -> b.path("include_downstream").asBoolean()).containsOnly(true);
    assertThat(bodies).extracting(b -> b.path("only_failed").asBoolean()).containsOnly(true);
    assertThat(bodies).extracting(b -> b.path("dry_run").asBoolean()).containsExactly(true, false);
  }

  @ParameterizedTest
  @EnumSource(AirflowApi.class)
  void retry_run_clears_every_failed_task_of_the_run(AirflowApi api) throws IOException {
    FakeAirflow airflow = failedRun(api);
    AirflowRun run = new AirflowRun("prod", airflow.dagId(), airflow.runId(), Optional.empty());
    AirflowActions actions = actions(airflow, api);

    ActionPreview preview = actions.preview(run, ActionKind.RETRY_RUN);
    ActionResult result = actions.execute(run, ActionKind.RETRY_RUN);

    assertThat(preview.summary())
        .isEqualTo(
            "Would clear 4 failed task instances of run "
                + airflow.runId()
                + ": finance, itaipu-policies, itaipu-rest, capivara-rest");
    assertThat(result.summary())
        .isEqualTo("Cleared 4 failed task instances of run " + airflow.runId());
    assertThat(airflow.stateOf("itaipu-contracts")).isEqualTo("success");
    assertThat(airflow.stateOf("capivara-rest")).isNull();
    JsonNode body = airflow.bodies("POST", "/clearTaskInstances").get(1);
    assertThat(body.has("task_ids")).isFalse();
    assertThat(body.path("only_failed").asBoolean(false)).isTrue();
    assertThat(body.path("dry_run").asBoolean(true)).isFalse();
  }

  @ParameterizedTest
  @EnumSource(AirflowApi.class)
  void mark_success_previews_the_mark_and_the_failed_downstream_tasks(AirflowApi api)
      throws IOException {
    FakeAirflow airflow = failedRun(api);

    ActionPreview preview =
        actions(airflow, api).preview(target(airflow, "finance"), ActionKind.MARK_SUCCESS);

    assertThat(preview.summary())
        .isEqualTo(
            "Would mark finance successful and clear 3 failed downstream task instances of run "
                + airflow.runId()
                + ": itaipu-policies, itaipu-rest, capivara-rest");
    String state = api == AirflowApi.V1 ? "" : " [upstream_failed]";
    assertThat(preview.items())
        .containsExactly(
            "finance → success",
            "itaipu-policies" + state,
            "itaipu-rest" + state,
            "capivara-rest" + state);
    String patch = prefix(api) + "/dagRuns/" + airflow.runId() + "/taskInstances/finance";
    if (api == AirflowApi.V1) {
      assertThat(airflow.bodies("PATCH", "/finance").get(0).toString())
          .isEqualTo("{\"dry_run\":true,\"new_state\":\"success\"}");
    } else {
      // v2's PatchTaskInstanceBody has no dry_run: the dry run is its own path.
      patch += "/dry_run";
      assertThat(airflow.bodies("PATCH", "/finance/dry_run").get(0).toString())
          .isEqualTo("{\"new_state\":\"success\"}");
    }
    assertThat(airflow.requests()).contains("PATCH " + patch);
    assertThat(airflow.stateOf("finance")).isEqualTo("failed");
    assertThat(airflow.stateOf("itaipu-rest")).isEqualTo("upstream_failed");
  }

  @ParameterizedTest
  @EnumSource(AirflowApi.class)
  void mark_success_marks_the_task_and_clears_its_failed_downstream_tasks(AirflowApi api)
      throws IOException {
    FakeAirflow airflow = failedRun(api);

    ActionResult result =
        actions(airflow, api).execute(target(airflow, "finance"), ActionKind.MARK_SUCCESS);

    // On v1 Airflow clears the downstream tasks itself while marking; the count is the same.
    assertThat(result.summary())
        .isEqualTo(
            "Marked finance successful and cleared 3 failed downstream task instances of run "
                + airflow.runId());
    assertThat(result.items())
        .containsExactly("finance → success", "itaipu-policies", "itaipu-rest", "capivara-rest");
    assertThat(airflow.stateOf("finance")).isEqualTo("success");
    assertThat(airflow.stateOf("itaipu-policies")).isNull();
    assertThat(airflow.stateOf("capivara-rest")).isNull();
    assertThat(airflow.runStateNow()).isEqualTo("queued");
    String run = prefix(api) + "/dagRuns/" + airflow.runId();
    assertThat(airflow.requests())
        .containsExactly(
            "POST " + prefix(api) + "/clearTaskInstances",
            "PATCH " + run + "/taskInstances/finance",
            "POST " + prefix(api) + "/clearTaskInstances");
    assertThat(airflow.bodies("POST", "/clearTaskInstances"))
        .extracting(b -> b.path("dry_run").asBoolean())
        .containsExactly(true, false);
    JsonNode mark = airflow.bodies("PATCH", "/finance").get(0);
    assertThat(mark.path("new_state").asText()).isEqualTo("success");
    if (api == AirflowApi.V1) {
      assertThat(mark.path("dry_run").asBoolean(true)).isFalse();
    } else {
      assertThat(mark.has("dry_run")).isFalse();
    }
  }

  @ParameterizedTest
  @EnumSource(AirflowApi.class)
  void pause_previews_the_dags_state_and_pauses_it_by_update_mask(AirflowApi api)
      throws IOException {
    FakeAirflow airflow = failedRun(api);
    AirflowActions actions = actions(airflow, api);
    AirflowRun run = new AirflowRun("prod", airflow.dagId(), airflow.runId(), Optional.empty());

    ActionPreview preview = actions.preview(run, ActionKind.PAUSE);
    ActionResult result = actions.execute(run, ActionKind.PAUSE);

    assertThat(preview.summary())
        .isEqualTo("Would pause DAG prod-dagao, which is active: pausing stops new runs");
    assertThat(preview.items()).containsExactly("prod-dagao: active");
    assertThat(result.summary()).isEqualTo("Paused DAG prod-dagao");
    assertThat(airflow.paused()).isTrue();
    assertThat(airflow.requests())
        .containsExactly("GET " + prefix(api), "PATCH " + prefix(api) + "?update_mask=is_paused");
    assertThat(airflow.bodies("PATCH", "prod-dagao").get(0).toString())
        .isEqualTo("{\"is_paused\":true}");
  }

  @ParameterizedTest
  @EnumSource(AirflowApi.class)
  void unpause_previews_a_paused_dag_and_unpauses_it(AirflowApi api) throws IOException {
    FakeAirflow airflow = failedRun(api);
    airflow.paused(true);
    AirflowActions actions = actions(airflow, api);
    AirflowRun run = new AirflowRun("prod", airflow.dagId(), airflow.runId(), Optional.empty());

    ActionPreview preview = actions.preview(run, ActionKind.UNPAUSE);
    ActionPreview pauseAgain = actions.preview(run, ActionKind.PAUSE);
    ActionResult result = actions.execute(run, ActionKind.UNPAUSE);

    assertThat(preview.summary())
        .isEqualTo(
            "Would unpause DAG prod-dagao, which is paused: the scheduler starts its runs again");
    assertThat(pauseAgain.summary())
        .isEqualTo("DAG prod-dagao is already paused; pausing it changes nothing");
    assertThat(result.summary()).isEqualTo("Unpaused DAG prod-dagao");
    assertThat(airflow.paused()).isFalse();
    assertThat(airflow.bodies("PATCH", "prod-dagao").get(0).toString())
        .isEqualTo("{\"is_paused\":false}");
  }

  @Test
  void nothing_failed_is_a_preview_that_says_so() throws IOException {
    FakeAirflow airflow = FakeAirflow.v2Running();
    opened.add(airflow);

    ActionPreview preview =
        actions(airflow, AirflowApi.V2)
            .preview(target(airflow, "finance"), ActionKind.CLEAR_DOWNSTREAM);

    assertThat(preview.items()).isEmpty();
    assertThat(preview.summary())
        .isEqualTo(
            "Nothing to clear: neither finance nor its downstream tasks failed in run "
                + airflow.runId());
  }

  @Test
  void actions_on_airflow_3_use_the_jwt_from_its_password_exchange() throws IOException {
    FakeAirflow airflow = failedRun(AirflowApi.V2);
    airflow.issueTokensFor("meister", "s3cret");
    AirflowActions actions =
        new AirflowActions(
            new AirflowClient(
                new AirflowInstance(
                    "prod",
                    airflow.url(),
                    AirflowApi.V2,
                    Secret.absent(),
                    "meister",
                    Secret.of("s3cret"),
                    Duration.ofSeconds(2))));

    actions.execute(target(airflow, "finance"), ActionKind.CLEAR);

    assertThat(airflow.authorizations()).containsExactly("null", "Bearer jwt-0");
    assertThat(airflow.stateOf("finance")).isNull();
  }

  @Test
  void a_task_action_without_a_task_or_a_github_kind_is_an_illegal_argument() throws IOException {
    FakeAirflow airflow = failedRun(AirflowApi.V2);
    AirflowActions actions = actions(airflow, AirflowApi.V2);
    AirflowRun run = new AirflowRun("prod", airflow.dagId(), airflow.runId(), Optional.empty());

    assertThatIllegalArgumentException()
        .isThrownBy(() -> actions.execute(run, ActionKind.MARK_SUCCESS))
        .withMessage(
            "mark-success needs the failed task, and run "
                + airflow.runId()
                + " of DAG prod-dagao names none");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> actions.preview(run, ActionKind.RERUN_FAILED))
        .withMessage("rerun-failed is not an Airflow action");
    assertThat(airflow.requests()).isEmpty();
  }
}
