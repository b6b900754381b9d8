package dev.meister.core.alert;

import dev.meister.core.chat.AlertId;

import dev.meister.core.chat.ChatPorts;
import dev.meister.core.chat.MemberResolver;
import dev.meister.core.chat.ChatEvent;
import dev.meister.core.chat.ChatEventHandler;
import dev.meister.core.chat.OutgoingMessage;
import dev.meister.core.team.Member;
import dev.meister.core.team.MemberId;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replies and button presses under alerts: "👀 Looking" and replies such as "looking" or "on it"
 * acknowledge. Only team members may; others get a polite refusal.
 */
public final class AckEvents implements ChatEventHandler {
  private static final Logger log = LoggerFactory.getLogger(AckEvents.class);
  static final String ACK_ACTION = "ack";

  private final Acknowledgements acks;
  private final MemberResolver members;
  private final ChatPorts ports;

  public AckEvents(Acknowledgements acks, MemberResolver members, ChatPorts ports) {
    this.acks = acks;
    this.members = members;
    this.ports = ports;
  }

  @Override
  public void handle(ChatEvent event) {
    if (event instanceof ChatEvent.ButtonPress press) {
      pressed(press);
    } else if (event instanceof ChatEvent.Reply reply && AckPhrases.meansLooking(reply.text())) {
      replied(reply);
    }
  }

  private void pressed(ChatEvent.ButtonPress press) {
    if (!ACK_ACTION.equals(press.action())) {
      ports.port(press.chat().platform()).answerButton(press, "");
      return;
    }
    Optional<Member> member = members.memberFor(press.sender());
    if (member.isEmpty()) {
      log.info("refused ack button from non-member {}", press.sender());
      ports.port(press.chat().platform()).answerButton(press,
          "Only members of the team can acknowledge alerts.");
      return;
    }
    MemberId who = member.get().id();
    // The button carries its alert's id; a press without one (an old button) goes by the message.
    Optional<AckResult> result = alertId(press.payload())
        .map(id -> acks.byId(id, press.message(), who, AckChannel.BUTTON))
        .orElseGet(() -> acks.byMessage(press.message(), press.message(), who,
            AckChannel.BUTTON));
    ports.port(press.chat().platform()).answerButton(press, result
        .map(r -> r.first() ? "Thanks, noted." : "Someone is already on it.")
        .orElse("That alert is unknown."));
  }

  private void replied(ChatEvent.Reply reply) {
    Optional<Member> member = members.memberFor(reply.sender());
    if (member.isEmpty()) {
      log.info("refused ack reply from non-member {}", reply.sender());
      ports.port(reply.chat().platform()).reply(reply.message(),
          OutgoingMessage.plain("Sorry, only members of the team can acknowledge alerts."));
      return;
    }
    acks.byMessage(reply.replyTo(), reply.message(), member.get().id(), AckChannel.REPLY);
  }

  private static Optional<AlertId> alertId(String payload) {
    try {
      return Optional.of(new AlertId(Long.parseLong(payload)));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
