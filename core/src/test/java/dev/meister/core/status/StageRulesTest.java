package dev.meister.core.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class StageRulesTest {
  private static final Stage CALC_ONLY =
      new Stage("Contracts", List.of(TaskSelector.of("itaipu-contracts")), List.of());
  private static final Stage WITH_LOAD =
      new Stage(
          "Facts and Dimensions",
          List.of(TaskSelector.of("itaipu-dimensional-modeling")),
          List.of(TaskSelector.of("capivara-dm")));

  private static TaskRun task(String id, String state) {
    return new TaskRun(id, -1, TaskState.parse(state.equals("null") ? null : state));
  }

  @ParameterizedTest(name = "calc {0} → {1}")
  @CsvSource({
    "success, LOADED",
    "skipped, LOADED",
    "running, CALCULATING",
    "queued, CALCULATING",
    "scheduled, CALCULATING",
    "up_for_retry, CALCULATING",
    "deferred, CALCULATING",
    "null, NOT_STARTED",
    "none, NOT_STARTED",
    "removed, NOT_STARTED",
    "failed, FAILED",
    "upstream_failed, FAILED"
  })
  void a_stage_without_load_task_follows_its_calculation(String calc, StageState expected) {
    StageStatus status =
        StageRules.evaluate(
            CALC_ONLY, List.of(task("itaipu-contracts", calc), task("unrelated", "failed")));

    assertThat(status.state()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "calc {0}, load {1} → {2}")
  @CsvSource({
    "success, success, LOADED",
    "success, running, LOADING",
    "success, queued, LOADING",
    "success, null, LOADING",
    "running, null, CALCULATING",
    "queued, null, CALCULATING",
    "null, null, NOT_STARTED",
    "success, failed, FAILED",
    "failed, upstream_failed, FAILED",
    "running, success, CALCULATING"
  })
  void a_stage_with_a_load_task_is_loaded_only_when_both_succeeded(
      String calc, String load, StageState expected) {
    StageStatus status =
        StageRules.evaluate(
            WITH_LOAD,
            List.of(task("itaipu-dimensional-modeling", calc), task("capivara-dm", load)));

    assertThat(status.state()).isEqualTo(expected);
  }

  @Test
  void a_failed_stage_names_the_task_that_failed_before_those_failed_upstream() {
    StageStatus status =
        StageRules.evaluate(
            WITH_LOAD,
            List.of(
                task("capivara-dm", "upstream_failed"),
                task("itaipu-dimensional-modeling", "failed")));

    assertThat(status.failures())
        .containsExactly(
            new TaskRun("itaipu-dimensional-modeling", -1, TaskState.FAILED),
            new TaskRun("capivara-dm", -1, TaskState.UPSTREAM_FAILED));
  }

  @Test
  void mapped_instances_count_each_so_a_stage_is_calculated_only_when_all_are_done() {
    List<TaskRun> partly =
        List.of(
            new TaskRun("itaipu-contracts", 0, TaskState.SUCCESS),
            new TaskRun("itaipu-contracts", 1, TaskState.SUCCESS),
            new TaskRun("itaipu-contracts", 2, TaskState.NONE));
    List<TaskRun> all =
        List.of(
            new TaskRun("itaipu-contracts", 0, TaskState.SUCCESS),
            new TaskRun("itaipu-contracts", 1, TaskState.SUCCESS),
            new TaskRun("itaipu-contracts", 2, TaskState.SKIPPED));

    StageStatus calculating = StageRules.evaluate(CALC_ONLY, partly);
    StageStatus loaded = StageRules.evaluate(CALC_ONLY, all);

    assertThat(calculating.state()).isEqualTo(StageState.CALCULATING);
    assertThat(calculating.done()).isEqualTo(2);
    assertThat(calculating.total()).isEqualTo(3);
    assertThat(loaded.state()).isEqualTo(StageState.LOADED);
  }

  @Test
  void one_failed_mapped_instance_fails_the_stage_while_others_run() {
    StageStatus status =
        StageRules.evaluate(
            CALC_ONLY,
            List.of(
                new TaskRun("itaipu-contracts", 0, TaskState.RUNNING),
                new TaskRun("itaipu-contracts", 1, TaskState.FAILED)));

    assertThat(status.state()).isEqualTo(StageState.FAILED);
    assertThat(status.failures()).extracting(TaskRun::label).containsExactly("itaipu-contracts[1]");
  }

  @Test
  void wildcards_and_task_groups_select_every_matching_task() {
    Stage group = new Stage("Finance", List.of(TaskSelector.of("group:finance")), List.of());
    Stage glob = new Stage("Rest", List.of(TaskSelector.of("itaipu-rest-*")), List.of());
    List<TaskRun> tasks =
        List.of(
            task("finance.ledger", "success"),
            task("finance.reports", "running"),
            task("financeiro", "failed"),
            task("itaipu-rest-a", "success"),
            task("itaipu-rest-b", "success"));

    assertThat(StageRules.evaluate(group, tasks).state()).isEqualTo(StageState.CALCULATING);
    assertThat(StageRules.evaluate(glob, tasks).state()).isEqualTo(StageState.LOADED);
    assertThat(StageRules.evaluate(glob, tasks).total()).isEqualTo(2);
  }

  @Test
  void a_stage_whose_tasks_are_not_in_the_run_says_so_rather_than_not_started() {
    StageStatus missingCalc = StageRules.evaluate(CALC_ONLY, List.of(task("renamed", "success")));
    StageStatus missingLoad =
        StageRules.evaluate(WITH_LOAD, List.of(task("itaipu-dimensional-modeling", "success")));

    assertThat(missingCalc.state()).isEqualTo(StageState.NO_TASKS);
    assertThat(missingLoad.state()).isEqualTo(StageState.NO_TASKS);
  }

  @Test
  void an_unknown_future_task_state_counts_as_running() {
    assertThat(TaskState.parse("sensing_harder")).isEqualTo(TaskState.RUNNING);
  }
}
