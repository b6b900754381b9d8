package dev.meister.core.schedule;

import dev.meister.core.chat.ChatPorts;
import dev.meister.core.chat.MemberResolver;
import dev.meister.core.chat.ChatEvent;
import dev.meister.core.chat.ChatEventHandler;
import dev.meister.core.team.Member;
import java.util.Optional;

/** "✅ Accept" and "✖ Decline" under an override or swap request. */
public final class RequestButtons implements ChatEventHandler {
  private final ScheduleRequests requests;
  private final MemberResolver members;
  private final ChatPorts ports;

  public RequestButtons(ScheduleRequests requests, MemberResolver members, ChatPorts ports) {
    this.requests = requests;
    this.members = members;
    this.ports = ports;
  }

  @Override
  public void handle(ChatEvent event) {
    if (!(event instanceof ChatEvent.ButtonPress press)) {
      return;
    }
    Optional<Member> member = members.memberFor(press.sender());
    String toast;
    if (member.isEmpty()) {
      toast = "Only members of the team can answer requests.";
    } else {
      try {
        toast = requests.answer(RequestArguments.requestId(press.payload()), member.get().id(),
            ScheduleRequests.YES.equals(press.action()), press.chat());
      } catch (IllegalArgumentException e) {
        toast = String.valueOf(e.getMessage());
      }
    }
    ports.port(press.chat().platform()).answerButton(press, toast);
  }
}
