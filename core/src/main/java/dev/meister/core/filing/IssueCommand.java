package dev.meister.core.filing;

import dev.meister.core.alert.PriorityScale;
import dev.meister.core.chat.AlertId;
import dev.meister.core.chat.ChatEvent;
import dev.meister.core.chat.CommandHandler;
import dev.meister.core.chat.CommandReply;
import dev.meister.core.chat.CommandRequest;
import dev.meister.core.chat.MessageLinkStore;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * {@code /issue [N | LEVEL]} as a reply to an alert: files a GitHub issue for it (or joins the open
 * issue with the same root cause); with N, links it to issue #N and comments there with the new
 * run; with a level of the team's scale ({@code /issue P4}), files it with that priority label
 * instead of the alert's level or the filing default.
 */
public final class IssueCommand implements CommandHandler {
  private final IssueDesk desk;
  private final MessageLinkStore messages;
  private final PriorityScale scale;
  private final Optional<ReportDesk> reports;

  /** The form under an alert; its answers name only it. */
  private static final String ON_ALERT = "/issue [N | LEVEL]";

  /**
   * @param scale the priority levels a person may choose, highest first
   */
  public IssueCommand(IssueDesk desk, MessageLinkStore messages, PriorityScale scale) {
    this(desk, messages, scale, Optional.empty());
  }

  /**
   * @param reports where {@code /issue new [LEVEL] TITLE} files what did not come from an alert
   */
  public IssueCommand(
      IssueDesk desk,
      MessageLinkStore messages,
      PriorityScale scale,
      Optional<ReportDesk> reports) {
    this.desk = desk;
    this.messages = messages;
    this.scale = scale;
    this.reports = reports;
  }

  @Override
  public String name() {
    return "issue";
  }

  @Override
  public String usage() {
    return reports.isPresent()
        ? "/issue [N | LEVEL] | /issue new [LEVEL] TITLE"
        : "/issue [N | LEVEL]";
  }

  @Override
  public String summary() {
    return "reply to an alert: file a GitHub issue for it (at priority LEVEL), or link it to #N"
        + (reports.isPresent() ? "; new: file one that came from no alert" : "");
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
    if (reports.isPresent() && !request.args().isEmpty() && request.args().get(0).equals("new")) {
      return CommandReply.plain(
          reports
              .get()
              .request(
                  request.args().subList(1, request.args().size()),
                  command.message(),
                  request.sender().orElseThrow()));
    }
    if (command.replyTo() == null || request.args().size() > 1) {
      throw new IllegalArgumentException(
          "Reply to an alert with "
              + ON_ALERT
              + ": without N to file an issue, with N to link the alert to issue #N, with a"
              + " priority ("
              + scale.describe()
              + ") to file it at that priority.");
    }
    AlertId alert =
        messages
            .alertFor(command.replyTo())
            .orElseThrow(() -> new IllegalArgumentException("That is not an alert I know."));
    Optional<String> arg = request.args().stream().findFirst();
    // A level of the scale is a priority, even where a team's levels are digits; #N is an issue.
    Optional<String> priority = arg.flatMap(scale::level);
    Integer number = arg.isEmpty() || priority.isPresent() ? null : number(arg.get());
    String note =
        desk.request(alert, number, priority, command.replyTo(), request.sender().orElseThrow());
    return CommandReply.plain(note);
  }

  private @Nullable Integer number(String text) {
    String t = text.startsWith("#") ? text.substring(1) : text;
    try {
      int n = Integer.parseInt(t);
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // falls through
    }
    throw new IllegalArgumentException(
        "'"
            + text
            + "' is neither an issue number nor a priority; "
            + ON_ALERT
            + " with a priority of "
            + scale.describe()
            + ".");
  }
}
