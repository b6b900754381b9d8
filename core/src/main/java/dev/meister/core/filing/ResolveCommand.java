package dev.meister.core.filing;

import dev.meister.core.alert.AlertCopies;
import dev.meister.core.chat.AlertId;
import dev.meister.core.chat.ChatEvent;
import dev.meister.core.chat.CommandHandler;
import dev.meister.core.chat.CommandReply;
import dev.meister.core.chat.CommandRequest;
import dev.meister.core.chat.MessageLinkStore;
import dev.meister.core.chat.MessageRef;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code /resolve REASON | SOLUTION} as a reply to an alert or to the bot's "Filed #N" answer under
 * it (or {@code /resolve #ALERT REASON | SOLUTION} anywhere): writes the break's reason, picked
 * from the configured list by number or words, and its solution into the post-mortem log.
 */
public final class ResolveCommand implements CommandHandler {
  private final ResolutionStore resolutions;
  private final MessageLinkStore messages;
  private final dev.meister.core.alert.AlertStore alerts;
  private final Reasons reasons;
  private final Clock clock;
  private final Optional<IssueReports> reports;
  private final Optional<AlertCopies> copies;

  public ResolveCommand(
      ResolutionStore resolutions,
      MessageLinkStore messages,
      dev.meister.core.alert.AlertStore alerts,
      Reasons reasons,
      Clock clock) {
    this(resolutions, messages, alerts, reasons, clock, Optional.empty());
  }

  /**
   * @param reports the issues filed with {@code /issue new}, resolved in reply to their answer
   */
  public ResolveCommand(
      ResolutionStore resolutions,
      MessageLinkStore messages,
      dev.meister.core.alert.AlertStore alerts,
      Reasons reasons,
      Clock clock,
      Optional<IssueReports> reports) {
    this(resolutions, messages, alerts, reasons, clock, reports, Optional.empty());
  }

  /**
   * @param reports the issues filed with {@code /issue new}, resolved in reply to their answer
   * @param copies edits the alert's messages (and mirror copies) to say it is resolved
   */
  public ResolveCommand(
      ResolutionStore resolutions,
      MessageLinkStore messages,
      dev.meister.core.alert.AlertStore alerts,
      Reasons reasons,
      Clock clock,
      Optional<IssueReports> reports,
      Optional<AlertCopies> copies) {
    this.copies = copies;
    this.reports = reports;
    this.resolutions = resolutions;
    this.messages = messages;
    this.alerts = alerts;
    this.reasons = reasons;
    this.clock = clock;
  }

  @Override
  public String name() {
    return "resolve";
  }

  @Override
  public String usage() {
    return "/resolve [#ALERT] REASON | SOLUTION";
  }

  @Override
  public String summary() {
    return "reply to an alert or its issue: log why it broke and what was done";
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
    if (!args.isEmpty() && args.get(0).matches("#\\d+")) {
      // AlertId.parse: "#99999999999999999999" answered Java's "For input string" (fuzzing).
      alert = Optional.of(AlertId.parse(args.remove(0)));
    } else {
      MessageRef replyTo = command.replyTo();
      if (replyTo != null) {
        alert = messages.alertFor(replyTo).or(() -> messages.alertAnsweredBy(replyTo));
      }
    }
    String text = String.join(" ", args);
    int bar = text.indexOf('|');
    MessageRef answer = command.replyTo();
    if (alert.isEmpty() && answer != null && bar >= 0 && !text.substring(bar + 1).isBlank()) {
      Optional<IssueRef> reported = reports.flatMap(r -> r.filedIssueAnsweredBy(answer));
      if (reported.isPresent()) {
        return resolveReported(reported.get(), request, text, bar);
      }
    }
    if (alert.isEmpty() || bar < 0 || text.substring(bar + 1).isBlank()) {
      throw new IllegalArgumentException(
          "Reply to an alert or its issue with "
              + usage()
              + ", e.g."
              + " /resolve 1 | Tests disabled. "
              + reasons.listing());
    }
    AlertId id = alert.get();
    if (alerts.find(id).isEmpty()) {
      throw new IllegalArgumentException("There is no alert #" + id + ".");
    }
    String reason = reasons.match(text.substring(0, bar));
    String solution = text.substring(bar + 1).strip();
    resolutions.resolve(
        new Resolution(
            id, reason, solution, request.sender().orElseThrow().id().value(), clock.instant()));
    // In the command's transaction (it stores only), so the edits commit with the resolution.
    copies.ifPresent(c -> c.refresh(id));
    return CommandReply.plain("Logged for alert #" + id + ": " + reason + " → " + solution);
  }

  /** An issue filed with {@code /issue new} has no alert: its resolution is kept with it. */
  private CommandReply resolveReported(
      IssueRef issue, CommandRequest request, String text, int bar) {
    String reason = reasons.match(text.substring(0, bar));
    String solution = text.substring(bar + 1).strip();
    reports
        .orElseThrow()
        .resolve(issue, reason, solution, request.sender().orElseThrow().id(), clock.instant());
    return CommandReply.plain("Logged for #" + issue.number() + ": " + reason + " → " + solution);
  }
}
