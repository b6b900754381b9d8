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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code /assign @NAME} as a reply to an alert or to its "Filed #N" answer (or {@code /assign
 * #ALERT @NAME} anywhere): assigns the alert's issue on GitHub to that team member, as seed 002
 * asks once it is clear "who will take care of the broken tests, assign that person". It calls
 * GitHub directly, so it runs outside a transaction; every refusal is a one-line answer and changes
 * nothing.
 */
public final class AssignCommand implements CommandHandler {
  private final Optional<IssueTracker> github;
  private final MessageLinkStore messages;
  private final IssueLinkStore links;
  private final AlertStore alerts;
  private final Team team;

  /**
   * @param github empty without a GitHub token, when every {@code /assign} says so
   */
  public AssignCommand(
      Optional<IssueTracker> github,
      MessageLinkStore messages,
      IssueLinkStore links,
      AlertStore alerts,
      Team team) {
    this.github = github;
    this.messages = messages;
    this.links = links;
    this.alerts = alerts;
    this.team = team;
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
  public CommandReply handle(CommandRequest request) {
    List<String> args = new ArrayList<>(request.args());
    Optional<AlertId> alert = Optional.empty();
    if (!args.isEmpty() && args.get(0).matches("#\\d+")) {
      alert = Optional.of(new AlertId(Long.parseLong(args.remove(0).substring(1))));
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
    IssueRef issue =
        links
            .issueFor(id)
            .map(IssueLink::issue)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "Alert #" + id + " has no issue yet; file one with /issue first."));
    IssueTracker tracker =
        github.orElseThrow(
            () ->
                new IllegalArgumentException(
                    "GitHub is not configured: no token is set (github.token)."));
    List<String> assigned;
    try {
      assigned = tracker.addAssignees(issue.repo(), issue.number(), List.of(login));
    } catch (GitHubRefusedException e) {
      throw new IllegalArgumentException(
          "GitHub refused to assign " + issue + ": " + e.describe(), e);
    } catch (GitHubUnavailableException e) {
      throw new IllegalArgumentException(
          "GitHub is unreachable (" + e.getMessage() + "); " + issue + " is unchanged.", e);
    }
    if (assigned.stream().noneMatch(login::equalsIgnoreCase)) {
      // GitHub silently skips a login without access to the repository.
      throw new IllegalArgumentException(
          "GitHub did not accept " + login + " as assignee of " + issue + " (no access to it?).");
    }
    return CommandReply.plain(
        "Assigned " + issue + " to " + member.displayName() + " (" + login + "): " + issue.url());
  }
}
