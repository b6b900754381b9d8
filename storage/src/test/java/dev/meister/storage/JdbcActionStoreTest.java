package dev.meister.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meister.core.action.ActionKind;
import dev.meister.core.action.ActionPreview;
import dev.meister.core.action.ActionRequest;
import dev.meister.core.action.ActionResult;
import dev.meister.core.action.ActionState;
import dev.meister.core.action.ActionTarget;
import dev.meister.core.action.AuditEntry;
import dev.meister.core.action.AuditEvent;
import dev.meister.core.chat.AlertId;
import dev.meister.core.chat.ChatRef;
import dev.meister.core.chat.MessageRef;
import dev.meister.core.chat.Platform;
import dev.meister.core.team.MemberId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The V21 store: runbook action requests and their audit trail, on a real SQLite file. */
class JdbcActionStoreTest extends StorageTestBase {
  private static final MemberId BOB = MemberId.of("bob");
  private static final MemberId CAROL = MemberId.of("carol");
  private static final MessageRef UNDER =
      new MessageRef(
          new ChatRef(Platform.SLACK, "C0123ABC", "1764061200.000100"), "1764061200.000100");
  private static final ActionTarget.AirflowRun DAG_RUN =
      new ActionTarget.AirflowRun(
          "prod", "ohlcv_tokyo_daily", "scheduled__2026-11-23T03:00", Optional.of("load_bars"));

  @Test
  void a_request_reads_back_as_asked_across_a_restart() {
    AlertId alert = storage.alerts().record(alert("1")).id();

    ActionRequest stored = storage.actions().add(asked(alert, DAG_RUN, List.of(CAROL, BOB)));
    reopen();

    assertThat(stored.id()).isPositive();
    assertThat(storage.actions().find(stored.id())).contains(stored);
    assertThat(stored.target()).isEqualTo(DAG_RUN);
    assertThat(stored.answerUnder()).isEqualTo(UNDER);
    assertThat(stored.approvers()).containsExactly(CAROL, BOB);
    assertThat(stored.state()).isEqualTo(ActionState.REQUESTED);
  }

  @Test
  void a_workflow_run_without_approvers_reads_back_as_written() {
    AlertId alert = storage.alerts().record(alert("1")).id();
    ActionTarget run = new ActionTarget.WorkflowRun("cryptokaizen/cmamp", 289782451L);

    ActionRequest stored = storage.actions().add(asked(alert, run, List.of()));

    assertThat(storage.actions().find(stored.id()).orElseThrow().target()).isEqualTo(run);
    assertThat(stored.approvers()).isEmpty();
    assertThat(stored.needsApproval()).isFalse();
  }

  @Test
  void a_move_is_made_only_from_the_state_it_expects_and_keeps_what_came_with_it() {
    AlertId alert = storage.alerts().record(alert("1")).id();
    ActionRequest r = storage.actions().add(asked(alert, DAG_RUN, List.of(CAROL)));
    ActionPreview preview =
        new ActionPreview(List.of("load_bars [failed]", "publish [upstream_failed]"), "Clears 2");
    ActionResult result = new ActionResult(List.of(), "Cleared 2 task instances");

    boolean previewed = storage.actions().move(ActionState.REQUESTED, r.previewed(preview));
    boolean twice = storage.actions().move(ActionState.REQUESTED, r.previewed(preview));
    ActionRequest approved =
        storage.actions().find(r.id()).orElseThrow().approvedBy(Optional.of(CAROL), NOW);
    storage.actions().move(ActionState.PREVIEWED, approved);
    storage.actions().move(ActionState.APPROVED, approved.in(ActionState.EXECUTING).done(result));

    assertThat(previewed).isTrue();
    assertThat(twice).isFalse();
    ActionRequest done = storage.actions().find(r.id()).orElseThrow();
    assertThat(done.state()).isEqualTo(ActionState.DONE);
    assertThat(done.preview()).contains(preview);
    assertThat(done.approvedBy()).contains(CAROL);
    assertThat(done.result()).contains(result);
  }

  @Test
  void due_are_new_and_approved_requests_whose_time_has_come_and_expired_the_waiting_ones() {
    AlertId alert = storage.alerts().record(alert("1")).id();
    ActionRequest fresh = storage.actions().add(asked(alert, DAG_RUN, List.of()));
    ActionRequest later = storage.actions().add(asked(alert, DAG_RUN, List.of()));
    storage
        .actions()
        .move(
            ActionState.REQUESTED,
            later.retryAt(ActionState.REQUESTED, NOW.plusSeconds(60), "Airflow answered 503"));
    ActionRequest pending = storage.actions().add(asked(alert, DAG_RUN, List.of(CAROL)));
    storage.actions().move(ActionState.REQUESTED, pending.in(ActionState.APPROVAL_PENDING));

    List<Long> due = storage.actions().due(NOW, 10).stream().map(ActionRequest::id).toList();
    List<Long> dueLater =
        storage.actions().due(NOW.plusSeconds(60), 10).stream().map(ActionRequest::id).toList();
    Instant expiry = NOW.plus(Duration.ofMinutes(30));

    assertThat(due).containsExactly(fresh.id());
    assertThat(dueLater).containsExactly(fresh.id(), later.id());
    assertThat(storage.actions().find(later.id()).orElseThrow().attempts()).isEqualTo(1);
    assertThat(storage.actions().nextExpiry()).contains(expiry);
    assertThat(storage.actions().expired(expiry.minusMillis(1), 10)).isEmpty();
    assertThat(storage.actions().expired(expiry, 10)).hasSize(3);
    assertThat(storage.actions().inState(ActionState.APPROVAL_PENDING))
        .extracting(ActionRequest::id)
        .containsExactly(pending.id());
  }

  @Test
  void a_finished_request_no_longer_expires() {
    AlertId alert = storage.alerts().record(alert("1")).id();
    ActionRequest r = storage.actions().add(asked(alert, DAG_RUN, List.of()));

    storage.actions().move(ActionState.REQUESTED, r.in(ActionState.CANCELLED));

    assertThat(storage.actions().nextExpiry()).isEmpty();
    assertThat(storage.actions().expired(NOW.plus(Duration.ofDays(1)), 10)).isEmpty();
  }

  @Test
  void requests_ready_for_the_worker_are_announced_after_their_commit_only() {
    AlertId alert = storage.alerts().record(alert("1")).id();
    List<Long> told = new ArrayList<>();
    var unused = storage.actions().onReady(told::add);

    ActionRequest r = storage.actions().add(asked(alert, DAG_RUN, List.of()));
    storage.actions().move(ActionState.REQUESTED, r.previewed(new ActionPreview(List.of(), "x")));
    storage
        .actions()
        .move(
            ActionState.PREVIEWED,
            storage.actions().find(r.id()).orElseThrow().approvedBy(Optional.empty(), NOW));
    try {
      storage
          .database()
          .inTransaction(
              () -> {
                storage.actions().add(asked(alert, DAG_RUN, List.of()));
                throw new IllegalStateException("rolled back");
              });
    } catch (IllegalStateException expected) {
      // the second request never existed
    }

    assertThat(told).containsExactly(r.id(), r.id());
  }

  @Test
  void the_audit_trail_keeps_every_step_with_who_and_when_newest_first_or_all_in_order() {
    AlertId alert = storage.alerts().record(alert("1")).id();
    ActionRequest r = storage.actions().add(asked(alert, DAG_RUN, List.of(CAROL)));

    storage.actions().audit(AuditEntry.of(r, AuditEvent.REQUESTED, Optional.of(BOB), NOW, ""));
    storage
        .actions()
        .audit(
            AuditEntry.of(
                r, AuditEvent.APPROVED, Optional.of(CAROL), NOW.plusSeconds(60), "looks right"));
    storage
        .actions()
        .audit(
            AuditEntry.of(
                r, AuditEvent.EXECUTED, Optional.empty(), NOW.plusSeconds(61), "Cleared 2"));
    reopen();

    assertThat(storage.actions().latestAudit(2))
        .extracting(AuditEntry::event)
        .containsExactly(AuditEvent.EXECUTED, AuditEvent.APPROVED);
    AuditEntry approved = storage.actions().allAudit().get(1);
    assertThat(approved.row())
        .containsExactly(
            "2026-11-23T10:01:00Z",
            Long.toString(r.id()),
            alert.toString(),
            "clear",
            "DAG ohlcv_tokyo_daily run scheduled__2026-11-23T03:00 (task load_bars)",
            "approved",
            "carol",
            "looks right");
    assertThat(storage.actions().allAudit().get(2).by()).isEmpty();
  }

  @Test
  void the_requests_of_an_alert_are_listed_oldest_first() {
    AlertId one = storage.alerts().record(alert("1")).id();
    AlertId two = storage.alerts().record(alert("2")).id();
    ActionRequest first = storage.actions().add(asked(one, DAG_RUN, List.of()));
    storage.actions().add(asked(two, DAG_RUN, List.of()));
    ActionRequest second = storage.actions().add(asked(one, DAG_RUN, List.of()));

    assertThat(storage.actions().forAlert(one))
        .extracting(ActionRequest::id)
        .containsExactly(first.id(), second.id());
  }

  private static ActionRequest asked(AlertId alert, ActionTarget target, List<MemberId> approvers) {
    return ActionRequest.asked(
        alert,
        target instanceof ActionTarget.WorkflowRun ? ActionKind.RERUN_FAILED : ActionKind.CLEAR,
        target,
        BOB,
        UNDER,
        NOW,
        NOW.plus(Duration.ofMinutes(30)),
        approvers,
        approvers.isEmpty() ? "" : "the pipeline owner");
  }
}
