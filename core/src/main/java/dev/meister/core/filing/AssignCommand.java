package dev.meister.core.filing;

import dev.meister.core.alert.AlertStore;
import dev.meister.core.chat.AlertId;
import dev.meister.core.chat.CommandHandler;
import dev.meister.core.chat.CommandReply;
import dev.meister.core.chat.CommandRequest;
import dev.meister.core.chat.MessageLinkStore;
import dev.meister.core.chat.MessageRef;
import dev.meister.core.team.Member;
import dev.meister.core.team.Team;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code /assign @NAME} as a reply to an alert or to its "Filed #N" answer (or {@code /assign
 * #ALERT @NAME} anywhere): assigns the alert's issue on GitHub to that team member, as seed 002
 * asks once it is clear "who will take care of the broken tests, assign that person". What can be
 * checked here (the member, their GitHub login, the alert's issue) is answered at once; GitHub is
 * asked by the filing worker, queued in the command's transaction, so an outage delays the
 * assignment instead of losing it, and the chat never waits on GitHub.
 */
public final class AssignCommand implements CommandHandler {
  private final boolean filingEnabled;
  private final IssueRequests requests;
  private final MessageLinkStore messages;
  private final IssueLinkStore links;
  private final AlertStore alerts;
  private final Team team;
  private final Clock clock;

  /**
   * @param filingEnabled whether the filing worker runs (a GitHub token and filing configured);
   *     without it every {@code /assign} says so
   */
  public AssignCommand(
      boolean filingEnabled,
      IssueRequests requests,
      MessageLinkStore messages,
      IssueLinkStore links,
      AlertStore alerts,
      Team team,
      Clock clock) {
    this.filingEnabled = filingEnabled;
    this.requests = requests;
    this.messages = messages;
    this.links = links;
    this.alerts = alerts;
    this.team = team;
    this.clock = clock;
  }

  @Override
  public String name() {
    return "assign";
  }

  @Override
  public String usage() {
    return "/assign [#ALERT] @NAME";
  }

  @Override
  public String summary() {
    return "reply to an alert or its issue: assign the issue on GitHub to a team member";
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
    List<String> args = new ArrayList<>(request.args());
    Optional<AlertId> alert = Optional.empty();
    if (!args.isEmpty() && args.get(0).matches("#\\d+")) {
      // AlertId.parse: "#99999999999999999999" answered Java's "For input string" (fuzzing).
      alert = Optional.of(AlertId.parse(args.remove(0)));
    } else {
      MessageRef replyTo = request.event().replyTo();
      if (replyTo != null) {
        alert = messages.alertFor(replyTo).or(() -> messages.alertAnsweredBy(replyTo));
      }
    }
    if (alert.isEmpty() || args.size() != 1) {
      throw new IllegalArgumentException(
          "Reply to an alert or its issue with " + usage() + ", e.g. /assign @bob");
    }
    AlertId id = alert.get();
    String handle = args.get(0);
    Member member =
        team.findByHandle(handle)
            .orElseThrow(
                () ->
                    new IllegalArgumentException("'" + handle + "' is not a member of the team."));
    String login =
        Optional.ofNullable(member.githubLogin())
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        member.displayName()
                            + " has no GitHub login in the configuration (team.members."
                            + member.id()
                            + ".github)."));
    if (alerts.find(id).isEmpty()) {
      throw new IllegalArgumentException("There is no alert #" + id + ".");
    }
    if (!filingEnabled) {
      throw new IllegalArgumentException(
          "GitHub is not configured: no token is set (github.token), or filing is off.");
    }
    IssueRef issue =
        links
            .issueFor(id)
            .map(IssueLink::issue)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "Alert #" + id + " has no issue yet; file one with /issue first."));
    requests.enqueueAssign(
        id,
        issue.number(),
        request.event().message(),
        request.sender().orElseThrow().id().value(),
        login,
        clock.instant());
    return CommandReply.plain(
        "(Assigning " + issue + " to " + member.displayName() + " (" + login + ")…)");
  }
}
