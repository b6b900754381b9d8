package dev.meister.core.filing;

import dev.meister.core.chat.AlertId;
import dev.meister.core.chat.ChatEvent;
import dev.meister.core.chat.CommandHandler;
import dev.meister.core.chat.CommandReply;
import dev.meister.core.chat.CommandRequest;
import dev.meister.core.chat.MessageLinkStore;
import org.jspecify.annotations.Nullable;

/**
 * {@code /issue [N]} as a reply to an alert: files a GitHub issue for it (or joins the open issue
 * with the same root cause); with N, links it to issue #N and comments there with the new run.
 */
public final class IssueCommand implements CommandHandler {
  private final IssueDesk desk;
  private final MessageLinkStore messages;

  public IssueCommand(IssueDesk desk, MessageLinkStore messages) {
    this.desk = desk;
    this.messages = messages;
  }

  @Override
  public String name() {
    return "issue";
  }

  @Override
  public String usage() {
    return "/issue [N]";
  }

  @Override
  public String summary() {
    return "reply to an alert: file a GitHub issue for it, or link it to issue #N";
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
    if (command.replyTo() == null || request.args().size() > 1) {
      throw new IllegalArgumentException(
          "Reply to an alert with "
              + usage()
              + ": without N to file an issue, with N to link the alert to issue #N.");
    }
    AlertId alert =
        messages
            .alertFor(command.replyTo())
            .orElseThrow(() -> new IllegalArgumentException("That is not an alert I know."));
    Integer number = request.args().isEmpty() ? null : number(request.args().get(0));
    String note = desk.request(alert, number, command.replyTo(), request.sender().orElseThrow());
    return CommandReply.plain(note);
  }

  static @Nullable Integer number(String text) {
    String t = text.startsWith("#") ? text.substring(1) : text;
    try {
      int n = Integer.parseInt(t);
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // falls through
    }
    throw new IllegalArgumentException("'" + text + "' is not an issue number.");
  }
}
