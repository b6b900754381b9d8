package dev.meister.core.handoff;

import dev.meister.core.chat.ButtonAction;
import dev.meister.core.chat.ChatEvent;
import dev.meister.core.handoff.Handoffs.Party;
import dev.meister.core.schedule.RotationId;
import dev.meister.core.team.Member;
import java.time.Instant;

/** "✅ Handed over" and "🤝 Accept" under a hand-off announcement. */
public final class HandoffButtons {
  public static final String OUTSIDERS = "Only members of the team can confirm hand-offs.";

  private final Handoffs handoffs;

  public HandoffButtons(Handoffs handoffs) {
    this.handoffs = handoffs;
  }

  public String handedOver(
      ButtonAction.HandedOver action, ChatEvent.ButtonPress press, Member member) {
    return confirm(action.rotation(), action.boundary(), member, Party.OUTGOING);
  }

  public String accepted(
      ButtonAction.AcceptHandoff action, ChatEvent.ButtonPress press, Member member) {
    return confirm(action.rotation(), action.boundary(), member, Party.INCOMING);
  }

  private String confirm(String rotation, Instant boundary, Member member, Party party) {
    Handoffs.Confirmation c =
        handoffs.confirm(RotationId.of(rotation), boundary, member.id(), party, null);
    if (!c.changed()) {
      return "You already confirmed.";
    }
    return c.record().isComplete() ? "Hand-off complete." : "Thanks, noted.";
  }
}
