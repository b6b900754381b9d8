package dev.meister.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meister.core.alert.AckChannel;
import dev.meister.core.alert.Acknowledgement;
import dev.meister.core.chat.AlertId;
import dev.meister.core.escalation.EscalatedAlert;
import dev.meister.core.escalation.Escalation;
import dev.meister.core.filing.Resolution;
import dev.meister.core.schedule.RotationId;
import dev.meister.core.team.MemberId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The V16 stores: escalations by hand and the one nudge to an acknowledger. */
class JdbcEscalationStoreTest extends StorageTestBase {
  private static final MemberId ALICE = MemberId.of("alice");

  @Test
  void the_first_escalation_of_an_alert_is_kept_across_a_restart() {
    AlertId a = storage.alerts().record(alert("1")).id();
    Escalation first = escalation(a, "DB locks", List.of("carol"));

    Escalation stored = storage.escalations().escalate(first);
    Escalation again = storage.escalations().escalate(escalation(a, "other", List.of("lena")));
    reopen();

    assertThat(stored).isEqualTo(first);
    assertThat(again).isEqualTo(first);
    assertThat(storage.escalations().escalationOf(a)).contains(first);
  }

  @Test
  void several_team_leads_and_no_note_are_read_back_as_written() {
    AlertId a = storage.alerts().record(alert("1")).id();
    Escalation e =
        new Escalation(
            a,
            ALICE,
            Escalation.Level.TEAM_LEAD,
            List.of(MemberId.of("lena"), MemberId.of("max")),
            Optional.empty(),
            NOW);

    storage.escalations().escalate(e);

    assertThat(storage.escalations().escalationOf(a)).contains(e);
  }

  @Test
  void only_acknowledged_alerts_not_resolved_escalated_or_nudged_are_nudge_candidates() {
    AlertId acked = ack(storage.alerts().record(alert("1")).id());
    AlertId resolved = ack(storage.alerts().record(alert("2")).id());
    AlertId escalated = ack(storage.alerts().record(alert("3")).id());
    AlertId nudged = ack(storage.alerts().record(alert("4")).id());
    storage.alerts().record(alert("5"));
    storage.resolutions().resolve(new Resolution(resolved, "Flaky test", "Rerun", "alice", NOW));
    storage.escalations().escalate(escalation(escalated, "stuck", List.of("carol")));

    assertThat(storage.escalations().nudged(nudged, NOW)).isTrue();
    assertThat(storage.escalations().nudged(nudged, NOW)).isFalse();
    assertThat(storage.escalations().nudgeCandidates(NOW.minusSeconds(1), 10))
        .extracting(Acknowledgement::alert)
        .containsExactly(acked);
    assertThat(storage.escalations().nudgeCandidates(NOW.plusSeconds(1), 10)).isEmpty();
  }

  @Test
  void open_work_lists_the_rotations_unresolved_escalations_newest_first() {
    AlertId older = storage.alerts().record(alert("1")).id();
    AlertId newer = storage.alerts().record(alert("2")).id();
    AlertId resolved = storage.alerts().record(alert("3")).id();
    Escalation first = escalation(older, "one", List.of("carol"));
    Escalation second =
        new Escalation(
            newer,
            ALICE,
            Escalation.Level.LEVEL_2,
            List.of(MemberId.of("carol")),
            Optional.of("two"),
            NOW.plusSeconds(60));
    storage.escalations().escalate(first);
    storage.escalations().escalate(second);
    storage.escalations().escalate(escalation(resolved, "three", List.of("carol")));
    storage.resolutions().resolve(new Resolution(resolved, "Flaky test", "Rerun", "alice", NOW));

    List<EscalatedAlert> open =
        storage.openWork().escalated(RotationId.of("buildmeister"), NOW.minusSeconds(1));

    assertThat(open).extracting(EscalatedAlert::escalation).containsExactly(second, first);
    assertThat(open.get(0).alert().title()).isEqualTo("Build fail - cmamp fast (1234)");
    assertThat(storage.openWork().escalated(RotationId.of("other"), NOW.minusSeconds(1))).isEmpty();
  }

  private AlertId ack(AlertId alert) {
    storage.alerts().acknowledge(new Acknowledgement(alert, ALICE, NOW, AckChannel.COMMAND));
    return alert;
  }

  private static Escalation escalation(AlertId alert, String note, List<String> to) {
    return new Escalation(
        alert,
        ALICE,
        Escalation.Level.LEVEL_2,
        to.stream().map(MemberId::of).toList(),
        Optional.of(note),
        NOW);
  }
}
