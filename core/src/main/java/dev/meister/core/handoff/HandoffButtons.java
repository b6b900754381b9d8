package dev.meister.core.handoff;

import dev.meister.core.chat.ChatPorts;
import dev.meister.core.chat.MemberResolver;
import dev.meister.core.handoff.Handoffs.Party;
import dev.meister.core.chat.ChatEvent;
import dev.meister.core.chat.ChatEventHandler;
import dev.meister.core.schedule.RotationId;
import dev.meister.core.team.Member;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** "✅ Handed over" and "🤝 Accept" under a hand-off announcement. */
public final class HandoffButtons implements ChatEventHandler {
  private static final Logger log = LoggerFactory.getLogger(HandoffButtons.class);

  private final Handoffs handoffs;
  private final MemberResolver members;
  private final ChatPorts ports;

  public HandoffButtons(Handoffs handoffs, MemberResolver members, ChatPorts ports) {
    this.handoffs = handoffs;
    this.members = members;
    this.ports = ports;
  }

  @Override
  public void handle(ChatEvent event) {
    if (!(event instanceof ChatEvent.ButtonPress press)) {
      return;
    }
    String toast;
    Optional<Member> member = members.memberFor(press.sender());
    if (member.isEmpty()) {
      log.info("refused hand-off button from non-member {}", press.sender());
      toast = "Only members of the team can confirm hand-offs.";
    } else {
      toast = press(press, member.get());
    }
    ports.port(press.chat().platform()).answerButton(press, toast);
  }

  private String press(ChatEvent.ButtonPress press, Member member) {
    Party party = HandoffMessages.IN_ACTION.equals(press.action())
        ? Party.INCOMING : Party.OUTGOING;
    int at = press.payload().lastIndexOf('@');
    if (at <= 0) {
      return "That hand-off is unknown.";
    }
    try {
      RotationId rotation = RotationId.of(press.payload().substring(0, at));
      Instant boundary = Instant.ofEpochMilli(Long.parseLong(press.payload().substring(at + 1)));
      Handoffs.Confirmation c = handoffs.confirm(rotation, boundary, member.id(), party, null);
      if (!c.changed()) {
        return "You already confirmed.";
      }
      return c.record().isComplete() ? "Hand-off complete." : "Thanks, noted.";
    } catch (IllegalArgumentException e) {
      return String.valueOf(e.getMessage());
    }
  }
}
