package dev.meister.core.chat;

import dev.meister.core.team.Member;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where every adapter delivers inbound events: maps the sender to a member, refuses state-changing
 * commands from outsiders, runs the command and replies. A handler's {@link
 * IllegalArgumentException} becomes its message in chat; anything else is logged with a
 * correlation id and the chat sees only that id, never a stack trace.
 */
public final class ChatDispatcher implements ChatEventHandler {
  private static final Logger log = LoggerFactory.getLogger(ChatDispatcher.class);

  private final CommandRegistry commands;
  private final MemberResolver members;
  private final ChatPorts ports;
  private final ChatEventHandler others;

  /**
   * @param others receives replies and button presses (acknowledgements come with a later issue);
   *     until then they are ignored
   */
  public ChatDispatcher(
      CommandRegistry commands, MemberResolver members, ChatPorts ports, ChatEventHandler others) {
    this.commands = commands;
    this.members = members;
    this.ports = ports;
    this.others = others;
  }

  @Override
  public void handle(ChatEvent event) {
    ChatPort port = ports.port(event.chat().platform());
    try {
      if (event instanceof ChatEvent.Command command) {
        answer(port, command, run(command));
      } else {
        others.handle(event);
      }
    } catch (RuntimeException e) {
      String id = UUID.randomUUID().toString().substring(0, 8);
      log.error("[{}] handling {} from {} failed", id, describe(event), event.sender(), e);
      port.reply(event.message(), OutgoingMessage.plain(
          "Sorry, that failed on my side (error " + id + "). The logs have the details."));
    }
  }

  private CommandReply run(ChatEvent.Command command) {
    Optional<CommandHandler> handler = commands.find(command.name());
    if (handler.isEmpty()) {
      return HelpCommand.unknown(command.name());
    }
    Optional<Member> member = members.memberFor(command.sender());
    if (handler.get().changesState() && member.isEmpty()) {
      log.info("refused /{} from non-member {}", command.name(), command.sender());
      return CommandReply.plain(
          "Sorry, only members of the team can use /" + command.name() + ".");
    }
    try {
      return handler.get().handle(new CommandRequest(command, member.orElse(null)));
    } catch (IllegalArgumentException e) {
      return CommandReply.plain(String.valueOf(e.getMessage()));
    }
  }

  private static void answer(ChatPort port, ChatEvent.Command command, CommandReply reply) {
    if (reply.isEmpty()) {
      return;
    }
    if (reply.asReply()) {
      port.reply(command.message(), reply.message());
    } else {
      port.post(command.chat(), reply.message());
    }
  }

  private static String describe(ChatEvent event) {
    if (event instanceof ChatEvent.Command c) {
      return "/" + c.name();
    }
    return event.getClass().getSimpleName();
  }
}
