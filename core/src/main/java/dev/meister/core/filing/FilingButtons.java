package dev.meister.core.filing;

import dev.meister.core.chat.ChatPorts;
import dev.meister.core.chat.MemberResolver;
import dev.meister.core.chat.AlertId;
import dev.meister.core.alert.AlertMessages;
import dev.meister.core.chat.ChatEvent;
import dev.meister.core.chat.ChatEventHandler;
import dev.meister.core.chat.ChatPort;
import dev.meister.core.team.Member;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Presses of "📝 File issue" and "Same as #N" under alerts; every other event goes on to {@code
 * next}. Only team members may file; the answer to the press is a short toast, the issue's link
 * follows under the alert.
 */
public final class FilingButtons implements ChatEventHandler {
  private static final Logger log = LoggerFactory.getLogger(FilingButtons.class);

  private final IssueDesk desk;
  private final MemberResolver members;
  private final ChatPorts ports;
  private final ChatEventHandler next;

  public FilingButtons(IssueDesk desk, MemberResolver members, ChatPorts ports,
      ChatEventHandler next) {
    this.desk = desk;
    this.members = members;
    this.ports = ports;
    this.next = next;
  }

  @Override
  public void handle(ChatEvent event) {
    if (event instanceof ChatEvent.ButtonPress press
        && (AlertMessages.ISSUE_ACTION.equals(press.action())
            || AlertMessages.SAME_ACTION.equals(press.action()))) {
      ports.port(press.chat().platform()).answerButton(press, pressed(press));
    } else {
      next.handle(event);
    }
  }

  private String pressed(ChatEvent.ButtonPress press) {
    Optional<Member> member = members.memberFor(press.sender());
    if (member.isEmpty()) {
      log.info("refused {} button from non-member {}", press.action(), press.sender());
      return "Only members of the team can file issues.";
    }
    String[] parts = press.payload().split(":");
    try {
      AlertId alert = new AlertId(Long.parseLong(parts[0]));
      Integer issue = parts.length > 1 ? IssueCommand.number(parts[1]) : null;
      return desk.request(alert, issue, press.message(), member.get());
    } catch (NumberFormatException e) {
      return "That button is broken; reply /issue to the alert instead.";
    } catch (IllegalArgumentException e) {
      return String.valueOf(e.getMessage());
    }
  }
}
