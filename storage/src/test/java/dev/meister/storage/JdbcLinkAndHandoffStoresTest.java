package dev.meister.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meister.core.chat.AlertId;
import dev.meister.core.chat.ChatRef;
import dev.meister.core.chat.MessageRef;
import dev.meister.core.chat.Platform;
import dev.meister.core.filing.IssueLink;
import dev.meister.core.filing.IssueRef;
import dev.meister.core.handoff.HandoffRecord;
import dev.meister.core.handoff.HandoffState;
import dev.meister.core.schedule.Position;
import dev.meister.core.schedule.RotationId;
import dev.meister.core.team.MemberId;
import org.junit.jupiter.api.Test;

class JdbcLinkAndHandoffStoresTest extends StorageTestBase {
  @Test
  void a_reply_finds_its_alert_after_a_restart() {
    AlertId id = storage.alerts().record(alert("m")).id();
    MessageRef message = new MessageRef(new ChatRef(Platform.TELEGRAM, "-100123", "42"), "777");
    storage.messageLinks().link(message, id);
    storage.messageLinks().link(message, id);

    reopen();

    assertThat(
            storage
                .messageLinks()
                .alertFor(new MessageRef(ChatRef.of(Platform.TELEGRAM, "-100123"), "777")))
        .contains(id);
    assertThat(storage.messageLinks().messagesFor(id)).containsExactly(message);
    assertThat(
            storage
                .messageLinks()
                .alertFor(new MessageRef(ChatRef.of(Platform.SLACK, "-100123"), "777")))
        .isEmpty();
  }

  @Test
  void issue_links_are_found_from_either_side() {
    AlertId a = storage.alerts().record(alert("i1")).id();
    AlertId b = storage.alerts().record(alert("i2")).id();
    IssueRef issue =
        new IssueRef(
            "cryptokaizen/cmamp", 9110, "https://github.com/cryptokaizen/cmamp/issues/9110");
    storage.issueLinks().link(new IssueLink(a, issue, NOW, true));
    storage.issueLinks().link(new IssueLink(b, issue, NOW.plusSeconds(60), false));

    assertThat(storage.issueLinks().issueFor(b))
        .contains(new IssueLink(b, issue, NOW.plusSeconds(60), false));
    assertThat(storage.issueLinks().alertsFor(issue))
        .extracting(IssueLink::alert)
        .containsExactly(a, b);
  }

  @Test
  void a_handoff_is_saved_once_per_boundary_and_updated_as_people_confirm() {
    HandoffRecord pending =
        new HandoffRecord(
            RotationId.of("dagmeister"),
            Position.PRIMARY,
            NOW,
            MemberId.of("alice"),
            MemberId.of("bob"),
            null,
            null,
            null);
    storage.handoffs().save(pending);
    HandoffRecord confirmed =
        new HandoffRecord(
            pending.rotation(),
            pending.position(),
            NOW,
            pending.outgoing(),
            pending.incoming(),
            NOW.plusSeconds(60),
            NOW.plusSeconds(120),
            "watch the tokyo DAGs");
    storage.handoffs().save(confirmed);

    assertThat(storage.handoffs().find(pending.rotation(), Position.PRIMARY, NOW))
        .contains(confirmed);
    assertThat(storage.handoffs().history(pending.rotation(), 10)).containsExactly(confirmed);
    assertThat(confirmed.state()).isEqualTo(HandoffState.COMPLETE);
  }
}
