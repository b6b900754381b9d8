package dev.meister.bot.github;

import dev.meister.core.filing.GitHubRefusedException;
import dev.meister.core.filing.GitHubUnavailableException;
import dev.meister.core.handoff.EpicAssignees;
import dev.meister.core.handoff.EpicMoveException;
import dev.meister.core.handoff.EpicRef;
import java.util.List;

/**
 * Moves an epic's assignee through the shared {@link GitHubClient} (the {@code github} section's
 * URL and token): add the incoming login, check GitHub really assigned it (it silently ignores a
 * login without access to the repository), then remove the outgoing one.
 */
public final class GitHubEpicAssignees implements EpicAssignees {
  private final GitHubClient github;

  public GitHubEpicAssignees(GitHubClient github) {
    this.github = github;
  }

  @Override
  public void move(EpicRef epic, String fromLogin, String toLogin) {
    String repo = epic.owner() + "/" + epic.repo();
    try {
      List<String> assigned = github.addAssignees(repo, epic.number(), List.of(toLogin));
      if (assigned.stream().noneMatch(toLogin::equalsIgnoreCase)) {
        throw new EpicMoveException(
            "GitHub did not assign " + toLogin + " (no access to " + repo + "?)", false);
      }
      if (!fromLogin.equalsIgnoreCase(toLogin)) {
        github.removeAssignees(repo, epic.number(), List.of(fromLogin));
      }
    } catch (GitHubUnavailableException e) {
      throw new EpicMoveException("GitHub is unavailable: " + e.getMessage(), true);
    } catch (GitHubRefusedException e) {
      // 401/403/404/410/422: credentials, permissions or the issue itself; retrying cannot help.
      throw new EpicMoveException(e.describe(), false);
    }
  }
}
