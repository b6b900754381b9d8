package dev.meister.core.filing;

import dev.meister.core.alert.Alert;
import dev.meister.core.alert.AlertStore;
import dev.meister.core.chat.AlertId;
import dev.meister.core.chat.MessageRef;
import dev.meister.core.team.Member;
import java.time.Clock;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where the chat asks for issues: checks the request can be served and records it durably; the
 * {@link FilingWorker} is woken once it has committed. GitHub is never called on the chat's thread.
 */
public final class IssueDesk {
  private final boolean enabled;
  private final AlertStore alerts;
  private final IssueLinkStore links;
  private final IssueRequests requests;
  private final Clock clock;

  /**
   * @param enabled false when no GitHub token is configured
   */
  public IssueDesk(
      boolean enabled,
      AlertStore alerts,
      IssueLinkStore links,
      IssueRequests requests,
      Clock clock) {
    this.enabled = enabled;
    this.alerts = alerts;
    this.links = links;
    this.requests = requests;
    this.clock = clock;
  }

  /**
   * Queues a request for alert {@code id}; its answer comes later under {@code answerUnder}.
   *
   * @param issue the issue to join, or null to file (or join the same root cause's issue)
   * @param priority the priority label to file with, already checked against the scale; empty for
   *     the alert's level or the filing default
   * @return a short note for the person, e.g. "Filing an issue for alert #7 …"
   * @throws IllegalArgumentException saying why it cannot be queued
   */
  public String request(
      AlertId id,
      @Nullable Integer issue,
      Optional<String> priority,
      MessageRef answerUnder,
      Member who) {
    if (!enabled) {
      throw new IllegalArgumentException(
          "Issue filing is off: no GitHub token is set"
              + " (github.token in the configuration, e.g. ${GITHUB_TOKEN}).");
    }
    Alert alert =
        alerts
            .find(id)
            .orElseThrow(() -> new IllegalArgumentException("That is not an alert I know."));
    if (issue == null) {
      Optional<String> existing =
          links
              .issueFor(id)
              .map(
                  l ->
                      "Alert #"
                          + id
                          + " is already linked to "
                          + l.issue()
                          + ": "
                          + l.issue().url());
      if (existing.isPresent()) {
        throw new IllegalArgumentException(existing.get());
      }
    }
    if (requests.pendingFor(id)) {
      throw new IllegalArgumentException(
          "GitHub is already working on alert #" + id + "; the answer will come here.");
    }
    requests.enqueue(
        issue == null ? IssueRequestKind.FILE : IssueRequestKind.JOIN,
        alert.storedId(),
        issue,
        answerUnder,
        who.id().value(),
        issue == null ? priority : Optional.empty(),
        clock.instant());
    return issue == null
        ? "Filing an issue for alert #" + id + priority.map(p -> " as " + p).orElse("") + "…"
        : "Linking alert #" + id + " to #" + issue + "…";
  }
}
