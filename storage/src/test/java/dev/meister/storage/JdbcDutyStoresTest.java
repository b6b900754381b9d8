package dev.meister.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meister.core.alert.AckChannel;
import dev.meister.core.alert.Acknowledgement;
import dev.meister.core.chat.AlertId;
import dev.meister.core.escalation.FollowUpKind;
import dev.meister.core.filing.FiledIssue;
import dev.meister.core.filing.IssueLink;
import dev.meister.core.filing.IssueRef;
import dev.meister.core.handoff.EpicMove;
import dev.meister.core.handoff.HandoffRecord;
import dev.meister.core.handoff.OpenIssue;
import dev.meister.core.handoff.SeenIssue;
import dev.meister.core.schedule.Position;
import dev.meister.core.schedule.RotationId;
import dev.meister.core.schedule.ScheduleRequest;
import dev.meister.core.team.MemberId;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The V4 stores: hand-off follow-ups and epic moves, alert follow-ups, requests, SLA checks. */
class JdbcDutyStoresTest extends StorageTestBase {
  private static final RotationId DAG = RotationId.of("dagmeister");

  @Test
  void a_handoff_keeps_its_follow_ups_and_epic_move_across_a_restart() {
    HandoffRecord r =
        HandoffRecord.announced(
                DAG, Position.PRIMARY, NOW, MemberId.of("alice"), MemberId.of("bob"))
            .reminded(NOW.plusSeconds(60))
            .escalated(NOW.plusSeconds(120))
            .withEpic(EpicMove.pending(NOW).failed("GitHub refused: 502", true, NOW));
    storage.handoffs().save(r);

    reopen();

    assertThat(storage.handoffs().find(DAG, Position.PRIMARY, NOW)).contains(r);
    assertThat(storage.handoffs().epicMovesPending()).containsExactly(r);
    assertThat(storage.handoffs().latest(DAG, Position.PRIMARY)).contains(r);
  }

  @Test
  void a_follow_up_step_is_recorded_once_and_acknowledged_alerts_are_no_candidates() {
    AlertId a = storage.alerts().record(alert("1")).id();
    AlertId b = storage.alerts().record(alert("2")).id();
    storage
        .alerts()
        .acknowledge(new Acknowledgement(b, MemberId.of("bob"), NOW, AckChannel.COMMAND));

    assertThat(storage.followUps().record(a, FollowUpKind.ESCALATION, 1, NOW)).isTrue();
    assertThat(storage.followUps().record(a, FollowUpKind.ESCALATION, 1, NOW)).isFalse();
    assertThat(storage.followUps().record(a, FollowUpKind.FIX_OR_REVERT, 3, NOW)).isTrue();

    assertThat(storage.followUps().lastStep(a, FollowUpKind.ESCALATION)).isEqualTo(1);
    assertThat(storage.followUps().lastStep(a, FollowUpKind.FIX_OR_REVERT)).isEqualTo(3);
    assertThat(storage.followUps().lastStep(b, FollowUpKind.ESCALATION)).isZero();
    assertThat(storage.followUps().unacknowledgedSince(NOW.minusSeconds(1), 10)).containsExactly(a);
    assertThat(storage.followUps().buildFailuresSince(NOW.minusSeconds(1), 10))
        .containsExactly(a, b);
    assertThat(storage.followUps().unacknowledgedSince(NOW.plusSeconds(1), 10)).isEmpty();
  }

  @Test
  void open_work_lists_linked_issues_once_and_unacknowledged_alerts_of_the_rotation() {
    AlertId a = storage.alerts().record(alert("1")).id();
    AlertId b = storage.alerts().record(alert("2")).id();
    IssueRef issue =
        new IssueRef(
            "cryptokaizen/cmamp", 9110, "https://github.com/cryptokaizen/cmamp/issues/9110");
    storage.issueLinks().link(new IssueLink(a, issue, NOW, true));
    storage.issueLinks().link(new IssueLink(b, issue, NOW.plusSeconds(5), false));
    storage
        .alerts()
        .acknowledge(new Acknowledgement(a, MemberId.of("bob"), NOW, AckChannel.COMMAND));
    RotationId builds = RotationId.of("buildmeister");

    assertThat(storage.openWork().issues(builds, 20)).containsExactly(OpenIssue.of(issue));
    assertThat(storage.openWork().unacknowledged(builds, NOW.minus(Duration.ofDays(1))))
        .extracting(x -> x.storedId())
        .containsExactly(b);
    assertThat(storage.openWork().issues(DAG, 20)).isEmpty();
  }

  @Test
  void open_issues_carry_the_priority_they_were_filed_with_and_closed_ones_drop_out() {
    AlertId a = storage.alerts().record(alert("1")).id();
    AlertId b = storage.alerts().record(alert("2")).id();
    AlertId c = storage.alerts().record(alert("3")).id();
    IssueRef p1 = new IssueRef("acme/x", 1, "https://github.com/acme/x/issues/1");
    IssueRef p3 = new IssueRef("acme/x", 3, "https://github.com/acme/x/issues/3");
    IssueRef closed = new IssueRef("acme/x", 7, "https://github.com/acme/x/issues/7");
    storage.filedIssues().record(new FiledIssue(p1, 11, "one", "fp1", NOW, true, "P1"));
    storage.filedIssues().record(new FiledIssue(p3, 13, "three", "fp3", NOW, true, "P3"));
    storage.filedIssues().record(new FiledIssue(closed, 17, "seven", "fp7", NOW, true, "P4"));
    storage.issueLinks().link(new IssueLink(a, p1, NOW, true));
    storage.issueLinks().link(new IssueLink(b, p3, NOW.plusSeconds(5), true));
    storage.issueLinks().link(new IssueLink(c, closed, NOW.plusSeconds(9), true));
    storage.filedIssues().closed(closed);

    assertThat(storage.openWork().issues(RotationId.of("buildmeister"), 20))
        .containsExactly(filed(p3, "three", "P3"), filed(p1, "one", "P1"));
  }

  private static OpenIssue filed(IssueRef ref, String title, String priority) {
    return new OpenIssue(ref, Optional.of(title), Optional.of(priority), Optional.empty());
  }

  @Test
  void what_github_said_at_a_hand_off_is_what_the_next_one_falls_back_on() {
    RotationId builds = RotationId.of("buildmeister");
    AlertId a = storage.alerts().record(alert("1")).id();
    AlertId b = storage.alerts().record(alert("2")).id();
    IssueRef open = new IssueRef("acme/x", 1, "https://github.com/acme/x/issues/1");
    IssueRef closed = new IssueRef("acme/x", 2, "https://github.com/acme/x/issues/2");
    IssueRef sub = new IssueRef("acme/y", 5, "https://github.com/acme/y/issues/5");
    storage.issueLinks().link(new IssueLink(a, open, NOW, false));
    storage.issueLinks().link(new IssueLink(b, closed, NOW.plusSeconds(1), false));
    OpenIssue now =
        new OpenIssue(open, Optional.of("one"), Optional.of("P3"), Optional.of("octocat"));
    OpenIssue inEpic = new OpenIssue(sub, Optional.of("sub"), Optional.of("P4"), Optional.empty());

    storage
        .openWork()
        .seen(
            builds,
            List.of(
                new SeenIssue(now, true, false),
                new SeenIssue(OpenIssue.of(closed), false, false),
                new SeenIssue(inEpic, true, true)),
            NOW.plusSeconds(60));
    reopen();

    assertThat(storage.openWork().issues(builds, 20)).containsExactly(now, inEpic);
    assertThat(storage.openWork().issues(DAG, 20)).isEmpty();
  }

  @Test
  void an_issue_seen_closed_comes_back_when_an_alert_links_it_again() {
    RotationId builds = RotationId.of("buildmeister");
    AlertId a = storage.alerts().record(alert("1")).id();
    IssueRef issue = new IssueRef("acme/x", 2, "https://github.com/acme/x/issues/2");
    storage.issueLinks().link(new IssueLink(a, issue, NOW, false));
    storage
        .openWork()
        .seen(
            builds, List.of(new SeenIssue(OpenIssue.of(issue), false, false)), NOW.plusSeconds(1));
    AlertId later = storage.alerts().record(alert("2")).id();

    storage.issueLinks().link(new IssueLink(later, issue, NOW.plusSeconds(120), false));

    assertThat(storage.openWork().issues(builds, 20)).containsExactly(OpenIssue.of(issue));
  }

  @Test
  void a_request_is_stored_and_its_answer_recorded() {
    ScheduleRequest asked =
        storage
            .requests()
            .add(
                new ScheduleRequest(
                    0,
                    ScheduleRequest.Kind.OVERRIDE,
                    DAG,
                    MemberId.of("bob"),
                    MemberId.of("carol"),
                    MemberId.of("bob"),
                    NOW,
                    NOW.plus(Duration.ofDays(2)),
                    ScheduleRequest.State.PENDING,
                    NOW,
                    null));

    storage.requests().decide(asked.decided(ScheduleRequest.State.ACCEPTED, NOW), 42);
    reopen();

    assertThat(asked.id()).isPositive();
    assertThat(storage.requests().find(asked.id()))
        .contains(asked.decided(ScheduleRequest.State.ACCEPTED, NOW));
  }

  @Test
  void an_sla_deadline_is_recorded_once() {
    assertThat(storage.slaChecks().checked("dagao", NOW)).isFalse();

    assertThat(storage.slaChecks().record("dagao", NOW, NOW, false, "run failed")).isTrue();
    assertThat(storage.slaChecks().record("dagao", NOW, NOW, true, "again")).isFalse();

    assertThat(storage.slaChecks().checked("dagao", NOW)).isTrue();
    assertThat(storage.slaChecks().checked("dagao", NOW.plus(Duration.ofDays(1)))).isFalse();
  }
}
