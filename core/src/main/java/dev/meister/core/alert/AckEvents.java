package dev.meister.core.alert;

import dev.meister.core.chat.AlertId;
import dev.meister.core.chat.ButtonAction;
import dev.meister.core.chat.ChatEvent;
import dev.meister.core.team.Member;
import dev.meister.core.team.MemberId;
import java.util.Optional;

/**
 * Presses of "👀 Looking" and replies such as "looking" or "on it" under alerts: they acknowledge.
 * The chat chain lets only team members through; others are told {@link #OUTSIDERS} (as a toast) or
 * {@link #OUTSIDERS_REPLY} (as a reply).
 */
public final class AckEvents {
  public static final String OUTSIDERS = "Only members of the team can acknowledge alerts.";
  public static final String OUTSIDERS_REPLY =
      "Sorry, only members of the team can acknowledge alerts.";

  private final Acknowledgements acks;

  public AckEvents(Acknowledgements acks) {
    this.acks = acks;
  }

  /** The button carries its alert's id. */
  public String pressed(ButtonAction.Ack ack, ChatEvent.ButtonPress press, Member member) {
    return toast(
        acks.byId(new AlertId(ack.alert()), press.message(), member.id(), AckChannel.BUTTON));
  }

  /** A button without an id (an old one) goes by the message it is under. */
  public String pressedOld(
      ButtonAction.AckMessage ack, ChatEvent.ButtonPress press, Member member) {
    return toast(acks.byMessage(press.message(), press.message(), member.id(), AckChannel.BUTTON));
  }

  /** Whether a reply is one of the phrases that acknowledge. */
  public static boolean acknowledges(ChatEvent.Reply reply) {
    return AckPhrases.meansLooking(reply.text());
  }

  public void replied(ChatEvent.Reply reply, Member member) {
    MemberId who = member.id();
    acks.byMessage(reply.replyTo(), reply.message(), who, AckChannel.REPLY);
  }

  private static String toast(Optional<AckResult> result) {
    return result
        .map(r -> r.first() ? "Thanks, noted." : "Someone is already on it.")
        .orElse("That alert is unknown.");
  }
}
