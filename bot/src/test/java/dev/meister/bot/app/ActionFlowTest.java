package dev.meister.bot.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meister.core.action.ActionRequest;
import dev.meister.core.action.ActionState;
import dev.meister.core.action.ActionTarget;
import dev.meister.core.action.ActionUnavailableException;
import dev.meister.core.action.AuditEntry;
import dev.meister.core.action.AuditEvent;
import dev.meister.core.alert.AirflowTask;
import dev.meister.core.alert.Outcome;
import dev.meister.core.alert.RunEvent;
import dev.meister.core.chat.AlertId;
import dev.meister.core.filing.Csv;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Runbook actions (#14) through the whole bot on a real SQLite file: the 🛠 Actions button, the
 * preview, confirmation, approval by the rotation's Level 2, the result in the alert's thread and
 * on the alert, the audit trail in chat and from the command line, expiry on the timekeeper, and a
 * restart between "approved" and "executed". Airflow is a {@link FakeRunActions}.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ActionFlowTest {
  private static final Instant T0 = Instant.parse("2026-11-18T09:00:00Z");
  private static final String RUN = "scheduled__2026-11-17T03:00:00+00:00";

  @TempDir Path dir;
  private final FakeRunActions airflow = new FakeRunActions();
  private DutyBot bot;

  @BeforeEach
  void start() throws Exception {
    bot = new DutyBot(dir, config(dir), T0, Map.of(), airflow);
  }

  @AfterEach
  void stop() {
    bot.close();
  }

  /** Hausmeister with Carol as Level 2; DAG alerts allow four actions, builds one. */
  static String config(Path dir) {
    return HandoffScenarioTest.TEAM
        + """
        rotations:
          hausmeister:
            name: Hausmeister
            zone: Europe/Berlin
            shift: 1w
            handoff: { day: monday, time: "11:00" }
            anchor: 2026-11-02
            roster: [alice, bob]
            secondary: [carol]
            chat: telegram/data-alerts
        airflow:
          prod: { url: "http://127.0.0.1:9", api: v2, token: "${AIRFLOW_API_TOKEN}" }
        routes:
          - name: dags
            match: { source: airflow }
            rotation: hausmeister
            actions:
              allow: [clear, mark-success, retry-run, pause]
              approval: { pause: team_lead, mark-success: level2 }
              expire_after: 20m
        fix_or_revert:
          enabled: false
        storage:
          database: %s
        """
            .formatted(dir.resolve("meister.db"));
  }

  @Test
  void the_actions_button_leads_through_preview_and_confirmation_to_the_result_under_the_alert() {
    TranscriptChatPort.Sent alert = failDag();
    assertThat(alert.buttons()).extracting(b -> b.label()).contains("🛠 Actions");

    bot.press("bob", alert, "🛠 Actions");
    TranscriptChatPort.Sent menu = last();
    bot.press("bob", menu, "clear");
    bot.tick();
    TranscriptChatPort.Sent preview = last();
    bot.chat.clear();
    bot.press("bob", preview, "✅ Confirm");
    bot.tick();

    assertThat(menu.replyTo()).isEqualTo(alert.ref());
    assertThat(menu.buttons())
        .extracting(b -> b.label())
        .containsExactly("clear", "mark-success", "retry-run", "pause");
    assertThat(preview.replyTo()).isEqualTo(alert.ref());
    assertThat(preview.text())
        .startsWith(
            "🛠 clear on DAG etl_daily run "
                + RUN
                + " (task transform), asked by @bob (request #1):")
        .contains("Clears 2 task instances of run " + RUN)
        .endsWith("@bob: confirm or cancel before 10:20 CET.");
    assertThat(airflow.executions())
        .extracting(FakeRunActions.Call::target)
        .containsExactly(
            new ActionTarget.AirflowRun("prod", "etl_daily", RUN, Optional.of("transform")));
    assertThat(bot.chat.toasts()).containsExactly("Confirmed; running clear now.");
    TranscriptChatPort.Sent result =
        bot.chat.sent().stream().filter(s -> s.text().startsWith("✅")).findFirst().orElseThrow();
    assertThat(result.replyTo()).isEqualTo(alert.ref());
    assertThat(result.text())
        .startsWith("✅ Cleared 2 task instances of run " + RUN + " (requested by @bob)");
    assertThat(bot.chat.sent())
        .filteredOn(s -> s.ref().equals(alert.ref()) && s.text().startsWith("(edit)"))
        .singleElement()
        .satisfies(
            edit -> {
              assertThat(edit.text())
                  .contains("🛠 Cleared 2 task instances of run " + RUN + " (Bob Stone)");
              assertThat(edit.buttons()).extracting(b -> b.label()).contains("🛠 Actions");
            });
  }

  @Test
  void level_two_approves_mark_success_and_neither_the_requester_nor_another_member_can() {
    TranscriptChatPort.Sent alert = failDag();
    bot.reply("bob", alert, "/action mark-success");
    bot.tick();
    bot.press("bob", last(), "✅ Confirm");
    TranscriptChatPort.Sent ask = last();
    bot.chat.clear();

    bot.press("bob", ask, "✅ Approve");
    bot.press("dave", ask, "✅ Approve");
    bot.tick();
    assertThat(airflow.executions()).isEmpty();
    bot.press("carol", ask, "✅ Approve");
    bot.tick();

    assertThat(ask.text())
        .startsWith("🔐 @carol (Level 2): @bob asks to mark-success DAG etl_daily run " + RUN);
    assertThat(bot.chat.toasts())
        .containsExactly(
            "You asked for request #1: someone else must approve it (Level 2).",
            "Only Level 2 (Carol Lee) can approve request #1.",
            "Approved; running mark-success now.");
    assertThat(airflow.executions()).hasSize(1);
    assertThat(bot.chat.texts())
        .anyMatch(
            t ->
                t.startsWith(
                    "✅ Cleared 2 task instances of run "
                        + RUN
                        + " (requested by @bob, approved by @carol)"));
  }

  // Issue #14: "a crash between 'approved' and 'executed' resumed exactly once after restart".
  @Test
  void an_approved_request_is_executed_exactly_once_after_a_restart_on_the_same_database()
      throws Exception {
    approvedMarkSuccess();

    bot.restart();
    bot.tick();
    bot.tick();
    bot.restart();
    bot.tick();

    assertThat(airflow.executions()).hasSize(1);
    assertThat(bot.chat.texts()).filteredOn(t -> t.startsWith("✅ Cleared")).hasSize(1);
    assertThat(bot.meister().storage().actions().find(1))
        .map(ActionRequest::state)
        .hasValue(ActionState.DONE);
  }

  @Test
  void a_request_under_way_when_the_bot_died_is_sent_once_more_after_the_restart()
      throws Exception {
    approvedMarkSuccess();
    ActionRequest approved = bot.meister().storage().actions().find(1).orElseThrow();
    // The worker had marked it under way, and then the process died mid-call.
    bot.meister()
        .storage()
        .actions()
        .move(ActionState.APPROVED, approved.in(ActionState.EXECUTING));

    bot.restart();
    bot.tick();
    bot.tick();

    assertThat(airflow.executions()).hasSize(1);
    assertThat(bot.meister().storage().actions().allAudit())
        .extracting(AuditEntry::event)
        .containsSubsequence(AuditEvent.APPROVED, AuditEvent.RESUMED, AuditEvent.EXECUTED);
  }

  @Test
  void an_outage_is_retried_once_the_backoff_has_passed_and_then_reported_done() {
    airflow.failNextExecution(
        () -> new ActionUnavailableException("Airflow answered 503", (Duration) null));
    TranscriptChatPort.Sent alert = failDag();
    bot.reply("bob", alert, "/action retry-run");
    bot.tick();
    bot.press("bob", last(), "✅ Confirm");

    bot.tick();
    assertThat(airflow.executions()).hasSize(1);
    bot.advance(Duration.ofSeconds(2), Duration.ofSeconds(1));

    assertThat(airflow.executions()).hasSize(2);
    assertThat(bot.chat.texts()).filteredOn(t -> t.startsWith("✅ Cleared")).hasSize(1);
  }

  @Test
  void a_request_nobody_approves_expires_on_the_timekeepers_clock_with_a_message() {
    TranscriptChatPort.Sent alert = failDag();
    bot.reply("bob", alert, "/action pause");
    bot.tick();
    bot.press("bob", last(), "✅ Confirm");
    bot.chat.clear();

    bot.advance(Duration.ofMinutes(21), Duration.ofMinutes(1));

    assertThat(bot.chat.texts())
        .contains(
            "⌛ @bob: request #1 (pause on DAG etl_daily run "
                + RUN
                + ") expired without approval; nothing was changed. Ask again with /action"
                + " pause.");
    assertThat(airflow.executions()).isEmpty();
  }

  @Test
  void audit_and_the_post_mortem_show_who_asked_approved_and_what_ran() throws Exception {
    approvedMarkSuccess();
    bot.tick();
    bot.chat.clear();

    bot.say("alice", "/audit 3");
    bot.say("alice", "/postmortem 1");

    assertThat(bot.chat.texts().get(0))
        .startsWith("Runbook actions, latest 3 steps:")
        .contains(
            "#1 mark-success on DAG etl_daily run "
                + RUN
                + " (task transform) (alert #1): executed: Cleared 2 task instances of run "
                + RUN)
        .contains("(alert #1): approved by Carol Lee");
    assertThat(bot.chat.texts().get(1))
        .contains(
            "🛠 Cleared 2 task instances of run " + RUN + " (Bob Stone, approved by Carol Lee)");
  }

  @Test
  void meister_audit_exports_every_step_as_rfc_4180_csv() throws Exception {
    approvedMarkSuccess();
    bot.tick();
    bot.close();

    StringWriter out = new StringWriter();
    CommandLine cli = Main.commandLine(Map.of());
    cli.setOut(new PrintWriter(out, true));
    int code = cli.execute("audit", "--csv", "--config", dir.resolve("meister.yml").toString());
    bot = new DutyBot(dir, config(dir), T0, Map.of(), airflow);

    assertThat(code).isZero();
    List<List<String>> rows = Csv.parse(out.toString());
    assertThat(rows.get(0))
        .containsExactly("at", "request", "alert", "action", "target", "event", "by", "detail");
    assertThat(rows.subList(1, rows.size()))
        .extracting(r -> r.get(5) + " " + r.get(6))
        .containsExactly(
            "requested bob",
            "previewed ",
            "confirmed bob",
            "approved carol",
            "started ",
            "executed ");
    assertThat(rows.get(1))
        .containsExactly(
            "2026-11-18T09:00:00Z",
            "1",
            "1",
            "mark-success",
            "DAG etl_daily run " + RUN + " (task transform)",
            "requested",
            "bob",
            "");
    assertThat(out.toString()).contains("\r\n");
  }

  @Test
  void someone_outside_the_team_can_neither_open_the_actions_nor_ask_for_one() {
    TranscriptChatPort.Sent alert = failDag();
    bot.chat.clear();

    bot.sayAsStranger("/action clear #1");

    assertThat(bot.chat.texts())
        .containsExactly("Sorry, only members of the team can use /action.");
    assertThat(bot.meister().storage().actions().forAlert(new AlertId(1))).isEmpty();
  }

  @Test
  void an_action_of_an_alert_without_its_run_id_gets_one_line_and_nothing_is_stored() {
    failDag(AirflowTask.builder("etl_daily").taskId("transform").tryNumber(1).build());
    bot.chat.clear();

    bot.say("bob", "/action clear #1");

    assertThat(bot.chat.texts()).containsExactly("Alert #1 has no DAG run id to act on.");
    assertThat(bot.meister().storage().actions().forAlert(new AlertId(1))).isEmpty();
  }

  /** Bob asks for mark-success, confirms, and Carol (Level 2) approves; nothing runs yet. */
  private void approvedMarkSuccess() {
    TranscriptChatPort.Sent alert = failDag();
    bot.reply("bob", alert, "/action mark-success");
    bot.tick();
    bot.press("bob", last(), "✅ Confirm");
    bot.press("carol", last(), "✅ Approve");
    assertThat(airflow.executions()).isEmpty();
  }

  private TranscriptChatPort.Sent failDag() {
    return failDag(
        AirflowTask.builder("etl_daily").dagRunId(RUN).taskId("transform").tryNumber(1).build());
  }

  private TranscriptChatPort.Sent failDag(AirflowTask task) {
    bot.runtime()
        .intake()
        .accept(
            new RunEvent(
                "airflow:" + task.dagId() + "/" + task.dagRunId().orElse("-") + "/1",
                Outcome.FAILED,
                bot.clock.instant(),
                task));
    bot.tick();
    return last();
  }

  private TranscriptChatPort.Sent last() {
    List<TranscriptChatPort.Sent> sent = bot.chat.sent();
    return sent.get(sent.size() - 1);
  }
}
