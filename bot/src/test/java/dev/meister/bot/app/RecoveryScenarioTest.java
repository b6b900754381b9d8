package dev.meister.bot.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meister.core.alert.AirflowTask;
import dev.meister.core.alert.Outcome;
import dev.meister.core.alert.RunEvent;
import dev.meister.core.chat.AlertId;
import dev.meister.core.filing.Resolution;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recovery resolves (issue #18, item 3, the callback path): an Airflow task that failed and then
 * succeeds on a later try of the same DAG run resolves its alert, which is edited, told in its
 * thread and no longer escalates. Time from the test's clock.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RecoveryScenarioTest {
  private static final Instant T0 = Instant.parse("2026-11-18T09:00:00Z");
  private static final Duration MINUTE = Duration.ofMinutes(1);
  private static final String RUN = "scheduled__2026-11-18T08:00:00+00:00";

  @TempDir Path dir;
  private DutyBot bot;

  @BeforeEach
  void start() throws Exception {
    bot =
        new DutyBot(
            dir,
            HandoffScenarioTest.TEAM + SilenceScenarioTest.CONFIG.formatted("2026-11-02"),
            T0,
            Map.of());
  }

  @AfterEach
  void stop() {
    bot.close();
  }

  @Test
  void a_task_that_passes_on_a_later_try_resolves_its_alert_edits_it_and_says_so_in_its_thread() {
    task("load", RUN, 1, Outcome.FAILED);
    TranscriptChatPort.Sent alert = bot.chat.sent().get(0);
    bot.chat.clear();

    bot.clock.advance(Duration.ofMinutes(5));
    task("load", RUN, 3, Outcome.SUCCEEDED);

    assertThat(bot.chat.sent())
        .anySatisfy(
            s -> {
              assertThat(s.ref()).isEqualTo(alert.ref());
              assertThat(s.text()).startsWith("(edit)").contains("✅ recovered on try 3");
              assertThat(s.buttons()).isEmpty();
            })
        .anySatisfy(
            s -> {
              assertThat(s.replyTo()).isEqualTo(alert.ref());
              assertThat(s.text())
                  .isEqualTo(
                      "✅ ohlcv_daily.load recovered on try 3 in run "
                          + RUN
                          + ": resolved, no escalation.");
            });
    assertThat(bot.meister().storage().resolutions().resolutionOf(new AlertId(1)))
        .hasValue(
            new Resolution(
                new AlertId(1), "Recovered", "recovered on try 3", "meister", T0.plusSeconds(300)));
  }

  @Test
  void a_recovered_alert_does_not_escalate_and_a_redelivered_success_changes_nothing() {
    task("load", RUN, 1, Outcome.FAILED);
    task("load", RUN, 2, Outcome.SUCCEEDED);
    bot.chat.clear();

    task("load", RUN, 2, Outcome.SUCCEEDED);
    bot.advance(Duration.ofHours(1), MINUTE);

    assertThat(bot.chat.texts()).isEmpty();
  }

  @Test
  void a_success_of_another_run_or_another_task_resolves_nothing_and_the_alert_escalates() {
    task("load", RUN, 1, Outcome.FAILED);
    task("load", "scheduled__2026-11-19T08:00:00+00:00", 1, Outcome.SUCCEEDED);
    task("transform", RUN, 2, Outcome.SUCCEEDED);
    bot.chat.clear();

    bot.advance(Duration.ofMinutes(20), MINUTE);

    assertThat(bot.meister().storage().resolutions().resolutionOf(new AlertId(1))).isEmpty();
    assertThat(bot.chat.texts()).anyMatch(t -> t.contains("not acknowledged"));
  }

  // No success callback came: Meister asks the configured Airflow (a fake on loopback, speaking
  // the v1 REST API's JSON) every 10 minutes.
  @Test
  void without_a_callback_meister_asks_airflow_and_resolves_a_task_that_succeeded_since()
      throws Exception {
    try (dev.meister.bot.airflow.FakeAirflow airflow =
        dev.meister.bot.airflow.FakeAirflow.v1Failed()) {
      restartWithAirflow(airflow.url());
      failInAirflow(airflow, "finance");
      failInAirflow(airflow, "itaipu-policies");
      TranscriptChatPort.Sent finance = bot.chat.sent().get(0);
      bot.advance(Duration.ofMinutes(10), MINUTE);
      assertThat(bot.meister().storage().resolutions().resolutionOf(new AlertId(1))).isEmpty();
      bot.say("alice", "/ack 1");
      bot.say("alice", "/ack 2");
      bot.chat.clear();

      // Cleared after the fix, the task passed.
      airflow.state("finance", "success");
      bot.advance(Duration.ofMinutes(10), MINUTE);

      assertThat(bot.meister().storage().resolutions().resolutionOf(new AlertId(1)))
          .map(Resolution::solution)
          .hasValue("recovered: finance succeeded since (seen in Airflow)");
      assertThat(bot.meister().storage().resolutions().resolutionOf(new AlertId(2))).isEmpty();
      assertThat(bot.chat.sent())
          .anySatisfy(
              s -> {
                assertThat(s.replyTo()).isEqualTo(finance.ref());
                assertThat(s.text())
                    .isEqualTo(
                        "✅ prod-dagao.finance recovered: finance succeeded since (seen in Airflow)"
                            + " in run "
                            + airflow.runId()
                            + ": resolved, no escalation.");
              })
          .anySatisfy(
              s -> {
                assertThat(s.ref()).isEqualTo(finance.ref());
                assertThat(s.text())
                    .contains("✅ recovered: finance succeeded since (seen in Airflow)");
              });

      // The run as a whole ended successful: the other alert is resolved too, once.
      airflow.runState("success");
      bot.advance(Duration.ofMinutes(30), MINUTE);
      assertThat(bot.meister().storage().resolutions().resolutionOf(new AlertId(2)))
          .map(Resolution::solution)
          .hasValue("recovered: the DAG run ended successful (seen in Airflow)");
      assertThat(bot.chat.texts()).filteredOn(t -> t.startsWith("✅ prod-dagao")).hasSize(2);
    }
  }

  private void restartWithAirflow(String url) throws Exception {
    bot.close();
    bot =
        new DutyBot(
            java.nio.file.Files.createDirectories(dir.resolve("with-airflow")),
            HandoffScenarioTest.TEAM
                + SilenceScenarioTest.CONFIG.formatted("2026-11-02")
                + "airflow:\n  prod: { url: "
                + url
                + ", api: v1 }\n",
            T0,
            Map.of());
  }

  private void failInAirflow(dev.meister.bot.airflow.FakeAirflow airflow, String taskId) {
    AirflowTask task =
        AirflowTask.builder(airflow.dagId())
            .dagRunId(airflow.runId())
            .taskId(taskId)
            .tryNumber(1)
            .logicalDate("2026-11-22T02:00:00+00:00")
            .exception("boom")
            .build();
    bot.runtime()
        .intake()
        .accept(new RunEvent("airflow:" + taskId, Outcome.FAILED, bot.clock.instant(), task));
    bot.tick();
  }

  private void task(String taskId, String run, int attempt, Outcome outcome) {
    AirflowTask task =
        AirflowTask.builder("ohlcv_daily")
            .dagRunId(run)
            .taskId(taskId)
            .tryNumber(attempt)
            .logicalDate("2026-11-18T08:00:00+00:00")
            .exception(outcome == Outcome.FAILED ? "boom" : null)
            .build();
    bot.runtime()
        .intake()
        .accept(
            new RunEvent(
                "airflow:" + run + "/" + taskId + "/" + attempt,
                outcome,
                bot.clock.instant(),
                task));
    bot.tick();
  }
}
