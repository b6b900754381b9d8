package dev.meister.core.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.meister.core.action.ActionParty.Role;
import dev.meister.core.alert.AirflowTask;
import dev.meister.core.alert.Alert;
import dev.meister.core.alert.AlertContext;
import dev.meister.core.alert.AlertCopies;
import dev.meister.core.alert.AlertMessages;
import dev.meister.core.alert.AlertOrigin;
import dev.meister.core.alert.AlertPriority;
import dev.meister.core.alert.GitHubRun;
import dev.meister.core.chat.AlertId;
import dev.meister.core.chat.ButtonAction;
import dev.meister.core.chat.ChatRef;
import dev.meister.core.chat.MessageRef;
import dev.meister.core.chat.OutgoingMessage;
import dev.meister.core.chat.Platform;
import dev.meister.core.delivery.DeliveryKind;
import dev.meister.core.delivery.PendingMessage;
import dev.meister.core.lease.NotLeaderException;
import dev.meister.core.pipeline.OnCallPolicy;
import dev.meister.core.pipeline.Pipeline;
import dev.meister.core.schedule.OnCallDirectory;
import dev.meister.core.schedule.RotationId;
import dev.meister.core.schedule.ScheduleChanges;
import dev.meister.core.team.ChatIdentities;
import dev.meister.core.team.Member;
import dev.meister.core.team.MemberId;
import dev.meister.core.team.Team;
import dev.meister.core.tx.Transactions;
import dev.meister.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * Runbook actions end to end in core (issue #14's Tests paragraph, without HTTP): preview,
 * confirmation, approval by the right person, refusal of the wrong one and of self-approval,
 * expiry, an outage retried then done, a refusal reported, and a crash between "approved" and
 * "executed" resumed exactly once, over in-memory stores, a fake {@link RunActions} and a clock the
 * test moves.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ActionScenarioTest {
  private static final Instant T0 = Instant.parse("2026-11-25T09:00:00Z");
  private static final ChatRef CHAT = ChatRef.of(Platform.TELEGRAM, "-100111");
  private static final String RUN = "scheduled__2026-11-23T03:00";
  private static final Member ALICE = member("alice", "Alice Doe", true);
  private static final Member BOB = member("bob", "Bob Stone", false);
  private static final Member CAROL = member("carol", "Carol Lee", false);
  private static final Member DAVE = member("dave", "Dave Kim", false);
  private static final Team TEAM = new Team(List.of(ALICE, BOB, CAROL, DAVE));

  /** Seed 004's shape: a tokyo pipeline owned by Dave, Carol second. */
  private static final Pipeline TOKYO =
      new Pipeline(
          "ohlcv-tokyo",
          "OHLCV bars from the Tokyo exchanges",
          "ohlcv_tokyo_daily",
          DAVE.id(),
          CAROL.id(),
          null,
          null,
          null,
          new OnCallPolicy.Rotation(),
          List.of(),
          List.of(),
          List.of(),
          List.of(),
          "prod");

  /**
   * The example: pause needs the team lead, clear and mark-success on tokyo DAGs the
   * pipeline owner, rerun-failed nobody.
   */
  private static final ActionPolicies POLICIES =
      new ActionPolicies(
          Map.of(
              "dags",
              policy(
                  Set.of(
                      ActionKind.CLEAR,
                      ActionKind.CLEAR_DOWNSTREAM,
                      ActionKind.MARK_SUCCESS,
                      ActionKind.RETRY_RUN,
                      ActionKind.PAUSE),
                  List.of(Role.MEMBERS),
                  Map.of(ActionKind.PAUSE, List.of(Role.TEAM_LEAD))),
              "builds",
              policy(
                  Set.of(ActionKind.RERUN_FAILED, ActionKind.RERUN, ActionKind.CANCEL),
                  List.of(Role.MEMBERS),
                  Map.of()),
              "leads-only",
              policy(
                  Set.of(ActionKind.RETRY_RUN),
                  List.of(new ActionParty.Person(ALICE.id())),
                  Map.of())),
          Map.of(
              "ohlcv-tokyo",
              policy(
                  Set.of(ActionKind.CLEAR, ActionKind.MARK_SUCCESS, ActionKind.PAUSE),
                  List.of(Role.MEMBERS),
                  Map.of(
                      ActionKind.CLEAR,
                      List.of(Role.PIPELINE_OWNER),
                      ActionKind.MARK_SUCCESS,
                      List.of(Role.PIPELINE_OWNER),
                      ActionKind.PAUSE,
                      List.of(Role.TEAM_LEAD)))),
          List.of(TOKYO));

  private final MutableClock clock = new MutableClock(T0);
  private final InMemoryActionStore store = new InMemoryActionStore();
  private final Fixtures.Alerts alerts = new Fixtures.Alerts();
  private final Fixtures.Links links = new Fixtures.Links();
  private final RecordingOutbox outbox = new RecordingOutbox();
  private final FakeRunActions api = new FakeRunActions();
  private ActionDesk desk;
  private ActionWorker worker;
  private ActionExpiry expiry;
  private ActionMessages messages;

  @BeforeEach
  void wire() {
    OnCallDirectory directory =
        new OnCallDirectory(List.of(), new Fixtures.NoOverrides(), ScheduleChanges.NONE, clock);
    messages = new ActionMessages(TEAM);
    AlertContext context = new AlertContext(directory);
    desk =
        new ActionDesk(
            POLICIES,
            new ActionParties(TEAM, directory, POLICIES),
            store,
            alerts,
            links,
            outbox,
            Fixtures.DIRECT,
            context,
            messages,
            clock);
    worker = worker();
    expiry = new ActionExpiry(store, outbox, Fixtures.DIRECT, messages);
  }

  /** A worker as a (re)started bot builds it, over the same stores. */
  private ActionWorker worker() {
    return worker(Fixtures.DIRECT);
  }

  /** The same over {@code transactions}, e.g. ones the database fences off. */
  private ActionWorker worker(Transactions transactions) {
    OnCallDirectory directory =
        new OnCallDirectory(List.of(), new Fixtures.NoOverrides(), ScheduleChanges.NONE, clock);
    AlertContext context = new AlertContext(directory);
    AlertMessages alertMessages =
        new AlertMessages(
            TEAM, new ActionNotes(store, messages), null, new ActionAlertButtons(POLICIES));
    return new ActionWorker(
        store,
        api,
        alerts,
        context,
        new AlertCopies(alerts, alertMessages, directory, links, outbox),
        outbox,
        transactions,
        messages,
        clock);
  }

  @Test
  void the_menu_lists_the_actions_the_route_allows_each_with_its_button_and_approval() {
    AlertId alert = dagAlert("etl_daily", RUN, "transform");

    OutgoingMessage menu = desk.menu(alert);

    assertThat(menu.text().plainText())
        .startsWith(
            "🛠 Actions for alert #1 (DAG etl_daily run "
                + RUN
                + ", task transform): a preview"
                + " comes first, nothing changes until you confirm.")
        .contains("• clear: clear the failed task so it runs again")
        .contains(
            "• mark-success: mark the failed task successful and clear its failed downstream"
                + " tasks")
        .contains("• pause: pause the DAG (a last resort) (needs approval from the team lead)")
        .doesNotContain("rerun-failed");
    assertThat(menu.buttons())
        .extracting(b -> b.action().encode())
        .containsExactly(
            "run_clear:1",
            "run_clear-downstream:1",
            "run_mark-success:1",
            "run_retry-run:1",
            "run_pause:1");
  }

  @Test
  void asking_stores_the_request_and_sends_nothing_until_the_worker_reads_the_preview() {
    AlertId alert = dagAlert("etl_daily", RUN, "transform");

    String note = ask(alert, "clear", BOB);

    assertThat(note)
        .isEqualTo(
            "Reading what clear would change on DAG etl_daily run "
                + RUN
                + " (task transform) (request #1)…");
    assertThat(store.find(1)).map(ActionRequest::state).hasValue(ActionState.REQUESTED);
    assertThat(api.calls()).isEmpty();

    worker.processDue();

    assertThat(api.previews())
        .containsExactly(
            new FakeRunActions.Call(
                "preview",
                new ActionTarget.AirflowRun("prod", "etl_daily", RUN, Optional.of("transform")),
                ActionKind.CLEAR));
    assertThat(api.executions()).isEmpty();
    PendingMessage preview = outbox.queued().get(0);
    assertThat(preview.kind()).isEqualTo(DeliveryKind.REPLY);
    assertThat(preview.target()).isEqualTo(alertMessage(alert));
    assertThat(preview.message().text().plainText())
        .startsWith(
            "🛠 clear on DAG etl_daily run "
                + RUN
                + " (task transform), asked by @bob (request #1):\nClears 4 task instances of run "
                + RUN
                + "\n  • transform [failed]\n  • load [upstream_failed]")
        .endsWith("@bob: confirm or cancel before 09:30 UTC.");
    assertThat(preview.message().buttons())
        .extracting(b -> b.action())
        .containsExactly(new ButtonAction.ConfirmAction(1), new ButtonAction.CancelAction(1));
  }

  @Test
  void confirmed_without_approval_the_action_runs_once_and_its_result_goes_in_the_alerts_thread() {
    AlertId alert = dagAlert("etl_daily", RUN, "transform");
    ask(alert, "clear", BOB);
    worker.processDue();
    outbox.clear();

    String toast = desk.confirm(1, BOB);
    worker.processDue();
    worker.processDue();

    assertThat(toast).isEqualTo("Confirmed; running clear now.");
    assertThat(api.executions()).hasSize(1);
    assertThat(outbox.queued().get(0).target()).isEqualTo(alertMessage(alert));
    assertThat(outbox.texts().get(0))
        .startsWith("✅ Cleared 4 task instances of run " + RUN + " (requested by @bob)\n");
    assertThat(store.find(1)).map(ActionRequest::state).hasValue(ActionState.DONE);
  }

  /**
   * A leader woken from a pause past its lease (issue #16) runs no action before it notices: the
   * background rounds ask the lease first. Rounds run one after another on one thread, so two more
   * questions after the lead comes back mean a whole round has run as leader.
   */
  @Test
  void background_rounds_run_actions_only_while_this_instance_leads() throws Exception {
    AlertId alert = dagAlert("etl_daily", RUN, "transform");
    ask(alert, "clear", BOB);
    worker.processDue();
    desk.confirm(1, BOB);
    java.util.concurrent.atomic.AtomicBoolean leads =
        new java.util.concurrent.atomic.AtomicBoolean();
    java.util.concurrent.Semaphore asked = new java.util.concurrent.Semaphore(0);
    dev.meister.core.lease.Lease lease = new dev.meister.core.lease.Lease("b", 2);
    dev.meister.core.lease.Leadership gate =
        () -> {
          asked.release();
          return leads.get() ? java.util.Optional.of(lease) : java.util.Optional.empty();
        };

    worker.start(Duration.ofMillis(5), gate);
    try {
      assertThat(asked.tryAcquire(3, 10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
      assertThat(api.executions()).as("not leading: nothing run").isEmpty();

      leads.set(true);
      asked.drainPermits();
      assertThat(asked.tryAcquire(2, 10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
      assertThat(api.executions()).hasSize(1);
    } finally {
      worker.close();
    }
  }

  @Test
  void the_alert_message_is_edited_to_show_the_action_done_and_keeps_its_actions_button() {
    AlertId alert = dagAlert("etl_daily", RUN, "transform");
    ask(alert, "retry-run", BOB);
    worker.processDue();
    desk.confirm(1, BOB);
    outbox.clear();

    worker.processDue();

    PendingMessage edit =
        outbox.queued().stream()
            .filter(m -> m.kind() == DeliveryKind.EDIT)
            .findFirst()
            .orElseThrow();
    assertThat(edit.target()).isEqualTo(alertMessage(alert));
    assertThat(edit.message().text().plainText())
        .contains("🛠 Cleared 4 task instances of run " + RUN + " (Bob Stone)");
    assertThat(edit.message().buttons())
        .extracting(b -> b.action())
        .contains(new ButtonAction.ShowActions(alert.value()));
  }

  // Issue #14's example: "clear/mark-success on tokyo DAGs need the pipeline owner".
  @Test
  void an_action_needing_approval_asks_the_approvers_and_runs_once_the_right_person_approves() {
    AlertId alert = dagAlert("ohlcv_tokyo_daily", RUN, "load_bars");
    ask(alert, "mark-success", BOB);
    worker.processDue();
    assertThat(outbox.texts().get(0))
        .contains(
            "🔐 Once confirmed it needs approval from the pipeline owner (Dave Kim, Carol Lee).");
    outbox.clear();

    String asked = desk.confirm(1, BOB);

    assertThat(asked).isEqualTo("Asked the pipeline owner to approve.");
    assertThat(api.executions()).isEmpty();
    PendingMessage ask = outbox.queued().get(0);
    assertThat(ask.message().text().plainText())
        .isEqualTo(
            "🔐 @dave @carol (the pipeline owner): @bob asks to mark-success DAG ohlcv_tokyo_daily"
                + " run "
                + RUN
                + " (task load_bars) (request #1): Clears 4 task instances of run "
                + RUN
                + ". Approve or deny before 09:30 UTC.");
    assertThat(ask.message().buttons())
        .extracting(b -> b.action())
        .containsExactly(new ButtonAction.ApproveAction(1), new ButtonAction.DenyAction(1));
    worker.processDue();
    assertThat(api.executions()).isEmpty();

    assertThat(desk.approve(1, CAROL)).isEqualTo("Approved; running mark-success now.");
    worker.processDue();

    assertThat(api.executions()).hasSize(1);
    assertThat(outbox.texts())
        .anyMatch(
            t ->
                t.startsWith(
                    "✅ Cleared 4 task instances of run "
                        + RUN
                        + " (requested by @bob, approved by @carol)"));
  }

  @Test
  void someone_who_is_not_an_approver_cannot_approve_nor_deny() {
    AlertId alert = dagAlert("ohlcv_tokyo_daily", RUN, "load_bars");
    ask(alert, "clear", BOB);
    worker.processDue();
    desk.confirm(1, BOB);

    String approve = desk.approve(1, ALICE);
    String deny = desk.deny(1, ALICE);
    worker.processDue();

    assertThat(approve)
        .isEqualTo("Only the pipeline owner (Dave Kim, Carol Lee) can approve request #1.");
    assertThat(deny)
        .isEqualTo("Only the pipeline owner (Dave Kim, Carol Lee) can deny request #1.");
    assertThat(store.find(1)).map(ActionRequest::state).hasValue(ActionState.APPROVAL_PENDING);
    assertThat(api.executions()).isEmpty();
  }

  @Test
  void the_requester_cannot_approve_their_own_request_even_as_an_approver() {
    AlertId alert = dagAlert("ohlcv_tokyo_daily", RUN, "load_bars");
    ask(alert, "clear", DAVE);
    worker.processDue();
    desk.confirm(1, DAVE);

    String toast = desk.approve(1, DAVE);
    worker.processDue();

    assertThat(toast)
        .isEqualTo("You asked for request #1: someone else must approve it (the pipeline owner).");
    assertThat(store.find(1).orElseThrow().approvers()).containsExactly(CAROL.id());
    assertThat(api.executions()).isEmpty();
  }

  // Seed 000: disabling a DAG "should only be done after the approval from the team leader".
  @Test
  void the_only_team_lead_asking_to_pause_is_told_at_once_that_nobody_else_can_approve_it() {
    AlertId alert = dagAlert("etl_daily", RUN, "transform");

    assertThatIllegalArgumentException()
        .isThrownBy(() -> ask(alert, "pause", ALICE))
        .withMessage(
            "pause on alert #1 needs approval from the team lead, and there is nobody but you to"
                + " give it.");
    assertThat(store.forAlert(alert)).isEmpty();
  }

  @Test
  void an_unapproved_request_expires_with_a_message_and_cannot_be_approved_afterwards() {
    AlertId alert = dagAlert("etl_daily", RUN, "transform");
    ask(alert, "pause", BOB);
    worker.processDue();
    desk.confirm(1, BOB);
    outbox.clear();

    clock.advance(Duration.ofMinutes(29));
    assertThat(expiry.runDue(clock.instant())).contains(T0.plus(Duration.ofMinutes(30)));
    clock.advance(Duration.ofMinutes(1));
    expiry.runDue(clock.instant());
    String late = desk.approve(1, ALICE);
    worker.processDue();

    assertThat(outbox.texts())
        .containsExactly(
            "⌛ @bob: request #1 (pause on DAG etl_daily run "
                + RUN
                + ") expired without approval; nothing was changed. Ask again with /action"
                + " pause.");
    assertThat(late).isEqualTo("Request #1 has expired; ask again.");
    assertThat(store.find(1)).map(ActionRequest::state).hasValue(ActionState.EXPIRED);
    assertThat(api.executions()).isEmpty();
    assertThat(expiry.runDue(clock.instant())).isEmpty();
  }

  @Test
  void an_approval_pressed_after_the_deadline_expires_the_request_itself() {
    AlertId alert = dagAlert("etl_daily", RUN, "transform");
    ask(alert, "pause", BOB);
    worker.processDue();
    desk.confirm(1, BOB);
    clock.advance(Duration.ofMinutes(31));

    String late = desk.approve(1, ALICE);

    assertThat(late).isEqualTo("Request #1 has expired; ask again.");
    assertThat(store.find(1)).map(ActionRequest::state).hasValue(ActionState.EXPIRED);
  }

  @Test
  void an_outage_is_retried_after_the_backoff_and_then_done_once() {
    AlertId alert = dagAlert("etl_daily", RUN, "transform");
    ask(alert, "clear", BOB);
    worker.processDue();
    desk.confirm(1, BOB);
    api.failNextExecution(
        () -> new ActionUnavailableException("Airflow answered 503", (Duration) null));
    outbox.clear();

    worker.processDue();
    ActionRequest waiting = store.find(1).orElseThrow();
    worker.processDue();
    clock.advance(Duration.ofSeconds(1));
    worker.processDue();
    worker.processDue();

    assertThat(waiting.state()).isEqualTo(ActionState.APPROVED);
    assertThat(waiting.attempts()).isEqualTo(1);
    assertThat(waiting.error()).hasValue("Airflow answered 503");
    assertThat(api.executions()).hasSize(2);
    assertThat(outbox.texts()).filteredOn(t -> t.startsWith("✅")).hasSize(1);
    assertThat(events(1))
        .containsSubsequence(
            AuditEvent.STARTED, AuditEvent.RETRYING, AuditEvent.STARTED, AuditEvent.EXECUTED);
  }

  @Test
  void a_refusal_is_reported_with_the_apis_own_message_and_never_retried() {
    AlertId alert = dagAlert("etl_daily", RUN, "transform");
    ask(alert, "clear", BOB);
    worker.processDue();
    desk.confirm(1, BOB);
    api.failNextExecution(
        () -> new ActionRefusedException(403, "Forbidden: the user may not edit DAG etl_daily"));
    outbox.clear();

    worker.processDue();
    clock.advance(Duration.ofMinutes(10));
    worker.processDue();

    assertThat(api.executions()).hasSize(1);
    assertThat(outbox.texts())
        .containsExactly(
            "⚠️ clear on DAG etl_daily run "
                + RUN
                + " (task transform) failed: refused (403): Forbidden: the user may not edit DAG"
                + " etl_daily (requested by @bob).");
    assertThat(store.find(1)).map(ActionRequest::state).hasValue(ActionState.FAILED);
  }

  @Test
  void a_preview_refused_ends_the_request_saying_nothing_was_changed() {
    AlertId alert = dagAlert("etl_daily", RUN, "transform");
    ask(alert, "clear", BOB);
    api.failNextPreview(() -> new ActionRefusedException(404, "DAGRun not found"));

    worker.processDue();

    assertThat(outbox.texts())
        .containsExactly(
            "⚠️ @bob: could not preview clear on DAG etl_daily run "
                + RUN
                + " (task transform): refused (404): DAGRun not found. Nothing was changed.");
    assertThat(store.find(1)).map(ActionRequest::state).hasValue(ActionState.FAILED);
    assertThat(desk.confirm(1, BOB)).isEqualTo("Request #1 failed; ask again.");
  }

  @Test
  void an_approved_request_left_by_a_crash_is_executed_exactly_once_after_the_restart() {
    AlertId alert = dagAlert("etl_daily", RUN, "transform");
    ask(alert, "clear", BOB);
    worker.processDue();
    desk.confirm(1, BOB);
    // The bot stops here, before its worker took the approved request.

    ActionWorker restarted = worker();
    restarted.processDue();
    restarted.processDue();
    worker().processDue();

    assertThat(api.executions()).hasSize(1);
    assertThat(store.find(1)).map(ActionRequest::state).hasValue(ActionState.DONE);
  }

  @Test
  void a_request_under_way_when_the_bot_died_is_sent_once_more_after_the_restart_and_audited() {
    AlertId alert = dagAlert("etl_daily", RUN, "transform");
    ask(alert, "clear", BOB);
    worker.processDue();
    desk.confirm(1, BOB);
    ActionRequest approved = store.find(1).orElseThrow();
    // The worker had marked it under way and the call went out when the bot died.
    store.move(ActionState.APPROVED, approved.in(ActionState.EXECUTING));

    ActionWorker restarted = worker();
    restarted.processDue();
    restarted.processDue();

    assertThat(api.executions()).hasSize(1);
    assertThat(events(1)).contains(AuditEvent.RESUMED).endsWith(AuditEvent.EXECUTED);
  }

  @Test
  void a_leader_deposed_while_its_action_ran_records_nothing_and_the_new_leader_runs_it_once() {
    AlertId alert = dagAlert("etl_daily", RUN, "transform");
    ask(alert, "clear", BOB);
    worker.processDue();
    desk.confirm(1, BOB);
    outbox.clear();
    // The database takes the claim, then refuses the outcome: another instance leads by then.
    AtomicInteger allowed = new AtomicInteger(1);
    Transactions fenced =
        new Transactions() {
          @Override
          public <T> T inTransaction(Supplier<T> work) {
            if (allowed.getAndDecrement() <= 0) {
              throw new NotLeaderException("b holds the lease now");
            }
            return work.get();
          }
        };

    assertThat(worker(fenced).processDue()).isZero();

    assertThat(api.executions()).hasSize(1);
    assertThat(store.find(1)).map(ActionRequest::state).hasValue(ActionState.EXECUTING);
    assertThat(events(1)).doesNotContain(AuditEvent.EXECUTED);
    assertThat(outbox.texts()).as("the deposed leader answers nothing").isEmpty();

    ActionWorker newLeader = worker();
    newLeader.processDue();
    newLeader.processDue();

    // Sent once more, as after a crash between the call and its record: the call's outcome was
    // never recorded, so nobody can tell whether it went through.
    assertThat(api.executions()).hasSize(2);
    assertThat(store.find(1)).map(ActionRequest::state).hasValue(ActionState.DONE);
    assertThat(events(1).stream().filter(AuditEvent.EXECUTED::equals)).hasSize(1);
    assertThat(outbox.texts()).filteredOn(t -> t.startsWith("✅ Cleared")).hasSize(1);
  }

  @Test
  void a_denied_request_is_said_in_the_thread_and_never_runs() {
    AlertId alert = dagAlert("ohlcv_tokyo_daily", RUN, "load_bars");
    ask(alert, "clear", BOB);
    worker.processDue();
    desk.confirm(1, BOB);
    outbox.clear();

    String toast = desk.deny(1, DAVE);
    worker.processDue();

    assertThat(toast).isEqualTo("Denied.");
    assertThat(outbox.texts())
        .containsExactly(
            "✖ Dave Kim denied clear on DAG ohlcv_tokyo_daily run "
                + RUN
                + " (task load_bars) (request #1, asked by @bob). Nothing was changed.");
    assertThat(api.executions()).isEmpty();
  }

  @Test
  void only_the_requester_confirms_or_cancels() {
    AlertId alert = dagAlert("etl_daily", RUN, "transform");
    ask(alert, "clear", BOB);
    worker.processDue();

    assertThat(desk.confirm(1, CAROL)).isEqualTo("Only Bob Stone can confirm request #1.");
    assertThat(desk.cancel(1, CAROL)).isEqualTo("Only Bob Stone can cancel request #1.");
    assertThat(desk.cancel(1, BOB)).isEqualTo("Cancelled.");
    assertThat(desk.confirm(1, BOB)).isEqualTo("Request #1 was cancelled.");
    worker.processDue();
    assertThat(api.executions()).isEmpty();
  }

  @Test
  void a_request_cancelled_while_its_preview_is_read_posts_no_preview() {
    AlertId alert = dagAlert("etl_daily", RUN, "transform");
    ask(alert, "clear", BOB);
    desk.cancel(1, BOB);
    outbox.clear();

    worker.processDue();

    assertThat(outbox.texts()).isEmpty();
    assertThat(store.find(1)).map(ActionRequest::state).hasValue(ActionState.CANCELLED);
  }

  @Test
  void every_step_is_audited_with_who_and_when() {
    AlertId alert = dagAlert("ohlcv_tokyo_daily", RUN, "load_bars");
    ask(alert, "clear", BOB);
    worker.processDue();
    clock.advance(Duration.ofMinutes(1));
    desk.confirm(1, BOB);
    clock.advance(Duration.ofMinutes(1));
    desk.approve(1, CAROL);
    worker.processDue();

    assertThat(store.allAudit())
        .extracting(
            e -> e.event().word() + " " + e.by().map(MemberId::value).orElse("-") + " " + e.at())
        .containsExactly(
            "requested bob 2026-11-25T09:00:00Z",
            "previewed - 2026-11-25T09:00:00Z",
            "confirmed bob 2026-11-25T09:01:00Z",
            "approved carol 2026-11-25T09:02:00Z",
            "started - 2026-11-25T09:02:00Z",
            "executed - 2026-11-25T09:02:00Z");
    assertThat(store.allAudit().get(5).detail())
        .isEqualTo("Cleared 4 task instances of run " + RUN);
    assertThat(new ActionLog(store, TEAM).latest(1))
        .containsExactly(
            "2026-11-25 09:02 #1 clear on DAG ohlcv_tokyo_daily run "
                + RUN
                + " (task load_bars) (alert #1): executed: Cleared 4 task instances of run "
                + RUN);
    assertThat(new ActionLog(store, TEAM).actionsOf(alert))
        .containsExactly(
            "Cleared 4 task instances of run " + RUN + " (Bob Stone, approved by Carol Lee)");
  }

  // Seed 002: "rerun the regressions" when a failure may be temporary; it needs nobody's approval.
  @Test
  void a_failed_build_reruns_its_failed_jobs_on_its_own_workflow_run() {
    AlertId alert = buildAlert(9001L);
    ask(alert, "rerun-failed", BOB);
    worker.processDue();

    desk.confirm(1, BOB);
    worker.processDue();

    assertThat(api.executions())
        .extracting(FakeRunActions.Call::target)
        .containsExactly(new ActionTarget.WorkflowRun("cryptokaizen/cmamp", 9001L));
  }

  @Test
  void an_alert_without_a_run_id_gets_one_line_and_nothing_is_stored() {
    AlertId dag = dagAlert("etl_daily", null, "transform");
    AlertId build = buildAlert(null);

    assertThatIllegalArgumentException()
        .isThrownBy(() -> ask(dag, "clear", BOB))
        .withMessage("Alert #1 has no DAG run id to act on.");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ask(build, "rerun", BOB))
        .withMessage("Alert #2 has no workflow run id to act on.");
    assertThat(store.allAudit()).isEmpty();
  }

  @Test
  void an_action_the_policy_does_not_allow_is_answered_with_the_ones_it_does() {
    AlertId alert = buildAlert(9001L);

    assertThatIllegalArgumentException()
        .isThrownBy(() -> ask(alert, "pause", BOB))
        .withMessage(
            "'pause' is not an action alert #1 allows; it allows rerun-failed, rerun, cancel.");
  }

  @Test
  void an_alert_whose_route_gives_no_policy_allows_nothing_and_shows_no_actions_button() {
    AlertId alert = record(airflowTask("etl_daily", RUN, "transform"), "other");

    assertThatIllegalArgumentException()
        .isThrownBy(() -> desk.menu(alert))
        .withMessage(
            "Alert #1 allows no runbook actions (route other names none under 'actions').");
    assertThat(new ActionAlertButtons(POLICIES).buttonsFor(alerts.find(alert).orElseThrow()))
        .isEmpty();
  }

  @Test
  void only_the_policys_requesters_may_ask() {
    AlertId alert = record(airflowTask("etl_daily", RUN, "transform"), "leads-only");

    assertThatIllegalArgumentException()
        .isThrownBy(() -> ask(alert, "retry-run", BOB))
        .withMessage("Only Alice Doe may ask for actions on alert #1.");
    assertThat(ask(alert, "retry-run", ALICE)).startsWith("Reading what retry-run would change");
  }

  @Test
  void a_second_request_for_the_same_action_while_the_first_is_open_is_refused() {
    AlertId alert = dagAlert("etl_daily", RUN, "transform");
    ask(alert, "clear", BOB);

    assertThatIllegalArgumentException()
        .isThrownBy(() -> ask(alert, "clear", CAROL))
        .withMessage("clear on alert #1 is already under way (request #1).");
  }

  @Test
  void clear_needs_the_failed_task_while_retry_run_acts_on_the_whole_run() {
    AlertId alert = dagAlert("etl_daily", RUN, null);

    assertThatIllegalArgumentException()
        .isThrownBy(() -> ask(alert, "clear", BOB))
        .withMessage(
            "Alert #1 names no task, and clear needs one; retry-run clears the run's failed tasks.");
    ask(alert, "retry-run", BOB);
    assertThat(store.find(1).orElseThrow().target())
        .isEqualTo(new ActionTarget.AirflowRun("prod", "etl_daily", RUN, Optional.empty()));
  }

  private String ask(AlertId alert, String action, Member who) {
    return desk.request(alert, action, CHAT, new MessageRef(CHAT, "cmd"), who);
  }

  private List<AuditEvent> events(long request) {
    return store.allAudit().stream()
        .filter(e -> e.request() == request)
        .map(AuditEntry::event)
        .toList();
  }

  private static MessageRef alertMessage(AlertId alert) {
    return new MessageRef(CHAT, "alert-" + alert.value());
  }

  private AlertId dagAlert(String dag, @Nullable String run, @Nullable String task) {
    return record(airflowTask(dag, run, task), "dags");
  }

  private AlertId buildAlert(@Nullable Long run) {
    return record(
        GitHubRun.builder("cryptokaizen/cmamp").runId(run).workflowName("Fast tests").build(),
        "builds");
  }

  private static AirflowTask airflowTask(String dag, @Nullable String run, @Nullable String task) {
    return AirflowTask.builder(dag).dagRunId(run).taskId(task).build();
  }

  private AlertId record(AlertOrigin origin, String route) {
    Alert alert =
        new Alert(
            null,
            "key-" + System.identityHashCode(origin),
            "fp",
            RotationId.of("dagmeister"),
            route,
            AlertPriority.NONE,
            "Something failed",
            T0,
            T0,
            origin);
    AlertId id = alerts.record(alert).alert().storedId();
    links.link(alertMessage(id), id);
    return id;
  }

  private static ActionPolicy policy(
      Set<ActionKind> allowed,
      List<ActionParty> requesters,
      Map<ActionKind, List<ActionParty>> approval) {
    return new ActionPolicy(
        allowed, requesters, approval, ActionPolicy.DEFAULT_EXPIRY, Optional.of("prod"));
  }

  private static Member member(String id, String name, boolean lead) {
    return new Member(
        MemberId.of(id),
        name,
        ChatIdentities.none(),
        null,
        lead ? Set.of(dev.meister.core.team.Role.TEAM_LEAD) : Set.of());
  }
}
