package dev.meister.core.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meister.core.chat.Span;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class StatusMessagesTest {
  static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");
  static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

  /** The board of the example. */
  static StatusBoard dagao() {
    return new StatusBoard(
        "dagao",
        "prod-dagao",
        "prod",
        List.of(
            stage("Contracts", "itaipu-contracts"),
            stage("Financial Reports", "finance"),
            stage("Facts and Dimensions", "itaipu-dimensional-modeling", "capivara-dm"),
            stage("Models and Policies", "itaipu-policies"),
            stage("Other datasets", "itaipu-rest", "capivara-rest")),
        SAO_PAULO);
  }

  static Stage stage(String name, String calc, String... load) {
    return new Stage(
        name,
        List.of(TaskSelector.of(calc)),
        load.length == 0 ? List.of() : List.of(TaskSelector.of(load[0])));
  }

  static DagRun run(RunState state) {
    Instant logical = Instant.parse("2026-11-23T02:00:00Z");
    return new DagRun(
        "prod-dagao",
        "scheduled__2026-11-23T02:00:00+00:00",
        state,
        logical,
        logical,
        logical,
        state.isFinal() ? Instant.parse("2026-11-23T04:11:00Z") : null);
  }

  static List<TaskRun> tasks(String... idAndState) {
    List<TaskRun> tasks = new java.util.ArrayList<>();
    for (int i = 0; i < idAndState.length; i += 2) {
      tasks.add(
          new TaskRun(
              idAndState[i],
              -1,
              TaskState.parse(idAndState[i + 1].equals("null") ? null : idAndState[i + 1])));
    }
    return tasks;
  }

  @Test
  void the_post_shows_each_stage_with_its_emoji_in_board_order() {
    StatusReport report =
        StageRules.evaluate(
            dagao(),
            run(RunState.RUNNING),
            tasks(
                "itaipu-contracts",
                "success",
                "finance",
                "success",
                "itaipu-dimensional-modeling",
                "success",
                "capivara-dm",
                "running",
                "itaipu-policies",
                "running",
                "itaipu-rest",
                "null",
                "capivara-rest",
                "null"),
            NOW);

    String text = StatusMessages.report(report).plainText();

    assertThat(text)
        .isEqualTo(
            """
        dagao (prod-dagao) run of Sun 22 Nov 23:00 BRT: running
        :white_check_mark: Contracts were calculated and loaded
        :white_check_mark: Financial Reports were calculated and loaded
        :fast_forward: Facts and Dimensions were calculated and are being loaded
        :arrow_forward: Models and Policies are being calculated
        :x: Other datasets have to be calculated""");
  }

  // Seed 001's example post: ":white_check_mark: *Contracts* were calculated and loaded" ...
  // ":fast_forward: *Other datasets* were calculated and are being loaded".
  @Test
  void the_seed_example_post_reads_as_seed_001_wrote_it_with_bold_stage_names() {
    StatusReport report =
        StageRules.evaluate(
            dagao(),
            run(RunState.RUNNING),
            tasks(
                "itaipu-contracts",
                "success",
                "finance",
                "success",
                "itaipu-dimensional-modeling",
                "success",
                "capivara-dm",
                "success",
                "itaipu-policies",
                "success",
                "itaipu-rest",
                "success",
                "capivara-rest",
                "running"),
            NOW);

    var text = StatusMessages.report(report);

    assertThat(text.plainText().lines().skip(1))
        .containsExactly(
            ":white_check_mark: Contracts were calculated and loaded",
            ":white_check_mark: Financial Reports were calculated and loaded",
            ":white_check_mark: Facts and Dimensions were calculated and loaded",
            ":white_check_mark: Models and Policies were calculated and loaded",
            ":fast_forward: Other datasets were calculated and are being loaded");
    assertThat(text.spans())
        .containsSubsequence(
            new Span.Emoji("white_check_mark"),
            new Span.Plain(" "),
            new Span.Bold("Contracts"),
            new Span.Plain(" were calculated and loaded"))
        .containsSubsequence(
            new Span.Emoji("fast_forward"),
            new Span.Plain(" "),
            new Span.Bold("Other datasets"),
            new Span.Plain(" were calculated and are being loaded"));
  }

  // Seed 001's states: ":arrow_forward: | `is being calculated`", ":x: | `has to be calculated`".
  @Test
  void a_stage_still_running_is_being_calculated_and_one_not_started_has_to_be_calculated() {
    StatusReport report =
        StageRules.evaluate(
            dagao(),
            run(RunState.RUNNING),
            tasks(
                "itaipu-contracts",
                "running",
                "finance",
                "null",
                "itaipu-dimensional-modeling",
                "null",
                "capivara-dm",
                "null",
                "itaipu-policies",
                "null",
                "itaipu-rest",
                "null",
                "capivara-rest",
                "null"),
            NOW);

    var text = StatusMessages.report(report);

    assertThat(text.plainText().lines())
        .contains(
            ":arrow_forward: Contracts are being calculated",
            ":x: Financial Reports have to be calculated");
    assertThat(text.spans()).contains(new Span.Bold("Financial Reports"));
  }

  @Test
  void a_stage_naming_no_task_of_the_run_keeps_its_warning_and_task_list() {
    StatusBoard board =
        new StatusBoard(
            "d", "d", "prod", List.of(stage("Contracts", "itaipu-contractz")), ZoneId.of("UTC"));

    String text =
        StatusMessages.report(
                StageRules.evaluate(
                    board, run(RunState.RUNNING), tasks("itaipu-contracts", "success"), NOW))
            .plainText();

    assertThat(text).endsWith(":warning: Contracts: no such task in this run (itaipu-contractz)");
  }

  @Test
  void failed_stages_come_first_in_bold_naming_the_failing_tasks() {
    StatusReport report =
        StageRules.evaluate(
            dagao(),
            run(RunState.FAILED),
            tasks(
                "itaipu-contracts",
                "success",
                "finance",
                "failed",
                "itaipu-dimensional-modeling",
                "success",
                "capivara-dm",
                "success",
                "itaipu-policies",
                "upstream_failed",
                "itaipu-rest",
                "upstream_failed",
                "capivara-rest",
                "upstream_failed"),
            NOW);

    var text = StatusMessages.report(report);

    assertThat(text.plainText())
        .isEqualTo(
            """
        dagao (prod-dagao) run of Sun 22 Nov 23:00 BRT: failed
        :fire: Financial Reports failed: finance failed
        :fire: Models and Policies failed: itaipu-policies upstream_failed
        :fire: Other datasets failed: itaipu-rest upstream_failed, capivara-rest upstream_failed
        :white_check_mark: Contracts were calculated and loaded
        :white_check_mark: Facts and Dimensions were calculated and loaded
        Run failed at 01:11 BRT""");
    assertThat(text.spans())
        .contains(
            new Span.Bold("Financial Reports"), new Span.Code("finance"), new Span.Emoji("fire"));
  }

  @Test
  void many_failed_mapped_instances_are_summarised() {
    StatusBoard board =
        new StatusBoard("fan", "fan", "prod", List.of(stage("Fan-out", "shard")), ZoneId.of("UTC"));
    List<TaskRun> shards = new java.util.ArrayList<>();
    for (int i = 0; i < 8; i++) {
      shards.add(new TaskRun("shard", i, TaskState.FAILED));
    }

    String text =
        StatusMessages.report(StageRules.evaluate(board, run(RunState.RUNNING), shards, NOW))
            .plainText();

    assertThat(text)
        .contains(
            ":fire: Fan-out failed: shard[0] failed, shard[1] failed,"
                + " shard[2] failed, shard[3] failed, shard[4] failed and 3 more");
  }

  @Test
  void airflow_down_shows_the_problem_above_the_last_known_state() {
    StatusReport earlier =
        StageRules.evaluate(
            dagao(),
            run(RunState.RUNNING),
            tasks(
                "itaipu-contracts",
                "running",
                "finance",
                "null",
                "itaipu-dimensional-modeling",
                "null",
                "capivara-dm",
                "null",
                "itaipu-policies",
                "null",
                "itaipu-rest",
                "null",
                "capivara-rest",
                "null"),
            NOW.minusSeconds(300));
    StatusSnapshot down =
        StatusSnapshot.problem(
            dagao(),
            "Airflow 'prod' at airflow.example.com answered HTTP 503 for DAG prod-dagao",
            NOW);

    String text = StatusMessages.render(down, earlier).plainText();

    assertThat(text)
        .startsWith(
            """
        dagao (prod-dagao) run of Sun 22 Nov 23:00 BRT: running
        :warning: Cannot read the run from Airflow (07:00 BRT): Airflow 'prod' at \
        airflow.example.com answered HTTP 503 for DAG prod-dagao
        Last known, as of 06:55 BRT:
        :arrow_forward: Contracts are being calculated""");
  }

  @Test
  void airflow_down_with_nothing_known_shows_just_the_problem() {
    StatusSnapshot down = StatusSnapshot.problem(dagao(), "DAG prod-dagao has no runs yet", NOW);

    assertThat(StatusMessages.render(down, null).plainText())
        .isEqualTo(
            """
        dagao
        :warning: Cannot read the run from Airflow (07:00 BRT): DAG prod-dagao has no runs yet""");
  }
}
