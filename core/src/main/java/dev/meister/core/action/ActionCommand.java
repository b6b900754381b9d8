package dev.meister.core.action;

import dev.meister.core.chat.AlertId;
import dev.meister.core.chat.ChatEvent;
import dev.meister.core.chat.CommandHandler;
import dev.meister.core.chat.CommandReply;
import dev.meister.core.chat.CommandRequest;
import dev.meister.core.chat.MessageLinkStore;
import dev.meister.core.chat.MessageRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code /action [NAME] [#ALERT]} as a reply to an alert (or to an answer under it), or naming the
 * alert: without NAME, the actions its policy allows, with a button each; with NAME, asks for that
 * action, whose preview follows.
 */
public final class ActionCommand implements CommandHandler {
  private final ActionDesk desk;
  private final MessageLinkStore messages;

  public ActionCommand(ActionDesk desk, MessageLinkStore messages) {
    this.desk = desk;
    this.messages = messages;
  }

  @Override
  public String name() {
    return "action";
  }

  @Override
  public String usage() {
    return "/action [NAME] [#ALERT]";
  }

  @Override
  public String summary() {
    return "reply to an alert: the runbook actions it allows (clear, mark-success, rerun-failed,"
        + " …), or ask for one, previewed first";
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
    List<String> args = new ArrayList<>(request.args());
    Optional<AlertId> alert = Optional.empty();
    for (String arg : List.copyOf(args)) {
      if (arg.matches("#?\\d{1,18}")) {
        alert = Optional.of(new AlertId(Long.parseLong(arg.replace("#", ""))));
        args.remove(arg);
        break;
      }
    }
    MessageRef replyTo = command.replyTo();
    if (alert.isEmpty() && replyTo != null) {
      alert = messages.alertFor(replyTo).or(() -> messages.alertAnsweredBy(replyTo));
    }
    if (alert.isEmpty() || args.size() > 1) {
      throw new IllegalArgumentException(
          "Reply to an alert with "
              + usage()
              + ", or name the alert: /action #7 lists its actions, /action clear #7 asks for one.");
    }
    if (args.isEmpty()) {
      return new CommandReply(desk.menu(alert.get()), true);
    }
    return CommandReply.plain(
        desk.request(
            alert.get(),
            args.get(0),
            command.chat(),
            replyTo != null ? replyTo : command.message(),
            request.sender().orElseThrow()));
  }
}
