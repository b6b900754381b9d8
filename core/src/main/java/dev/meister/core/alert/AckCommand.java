package dev.meister.core.alert;

import dev.meister.core.chat.AlertId;
import dev.meister.core.chat.ChatEvent;
import dev.meister.core.chat.CommandHandler;
import dev.meister.core.chat.CommandReply;
import dev.meister.core.chat.CommandRequest;
import dev.meister.core.team.Member;
import java.util.Optional;

/**
 * {@code /ack} as a reply to an alert, or {@code /ack ID} anywhere (for alerts folded into a
 * digest). The answers are queued by {@link Acknowledgements}; the command itself says nothing more
 * unless the alert is unknown.
 */
public final class AckCommand implements CommandHandler {
  private final Acknowledgements acks;

  public AckCommand(Acknowledgements acks) {
    this.acks = acks;
  }

  @Override
  public String name() {
    return "ack";
  }

  @Override
  public String usage() {
    return "/ack [ALERT-ID]";
  }

  @Override
  public String summary() {
    return "say you are looking into an alert (reply to it, or give its number)";
  }

  @Override
  public boolean changesState() {
    return true;
  }

  @Override
  public boolean storesOnly() {
    return true;
  }

  @Override
  public CommandReply handle(CommandRequest request) {
    ChatEvent.Command command = request.event();
    Member member = request.sender().orElseThrow();
    Optional<AckResult> result;
    if (!request.args().isEmpty()) {
      result =
          acks.byId(id(request.args().get(0)), command.message(), member.id(), AckChannel.COMMAND);
    } else if (command.replyTo() != null) {
      result =
          acks.byMessage(command.replyTo(), command.message(), member.id(), AckChannel.COMMAND);
    } else {
      throw new IllegalArgumentException("Reply /ack to an alert, or give its number: " + usage());
    }
    if (result.isEmpty()) {
      throw new IllegalArgumentException("That is not an alert I know.");
    }
    return CommandReply.none();
  }

  private static AlertId id(String text) {
    try {
      return new AlertId(Long.parseLong(text.startsWith("#") ? text.substring(1) : text));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + text + "' is not an alert number.");
    }
  }
}
