package dev.meister.core.escalation;

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
 * {@code /escalate [NOTE]} as a reply to an alert (or to an answer under it), or {@code /escalate
 * #ID [NOTE]} anywhere: tags the rotation's Level 2, or the team lead where there is none, and
 * records who asked, when and why.
 */
public final class EscalateCommand implements CommandHandler {
  private final HandEscalations escalations;
  private final MessageLinkStore messages;

  public EscalateCommand(HandEscalations escalations, MessageLinkStore messages) {
    this.escalations = escalations;
    this.messages = messages;
  }

  @Override
  public String name() {
    return "escalate";
  }

  @Override
  public String usage() {
    return "/escalate [#ALERT] [NOTE]";
  }

  @Override
  public String summary() {
    return "reply to an alert: pull in Level 2 (or the team lead), saying why";
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
    MessageRef replyTo = command.replyTo();
    // In a reply a bare number may start the note ("2 retries failed"); #N is always an alert.
    String idPattern = replyTo == null ? "#?\\d+" : "#\\d+";
    if (!args.isEmpty() && args.get(0).matches(idPattern)) {
      alert = Optional.of(id(args.remove(0)));
    } else if (replyTo != null) {
      alert = messages.alertFor(replyTo).or(() -> messages.alertAnsweredBy(replyTo));
    }
    if (alert.isEmpty()) {
      throw new IllegalArgumentException(
          "Reply to an alert with " + usage() + ", or give its number, e.g. /escalate #7 stuck.");
    }
    String note = String.join(" ", args);
    return new CommandReply(
        escalations.escalate(alert.get(), request.sender().orElseThrow().id(), Optional.of(note)),
        true);
  }

  private static AlertId id(String text) {
    String digits = text.startsWith("#") ? text.substring(1) : text;
    try {
      return new AlertId(Long.parseLong(digits));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + text + "' is not an alert number.");
    }
  }
}
