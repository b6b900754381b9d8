package dev.meister.core.handoff;

import dev.meister.core.alert.PriorityScale;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The open issues a hand-off passes on, most urgent first, and how many it leaves in the backlog.
 *
 * @param backlog open issues not handed back on Monday
 */
public record HandedIssues(List<OpenIssue> handed, int backlog, Freshness freshness) {
  public HandedIssues {
    handed = List.copyOf(handed);
  }

  /**
   * Applies seed 001's hand-off rules to the rotation's open issues: on Friday (and at any other
   * boundary) "any pending issues are handed off", whatever their priority; on Monday only those
   * {@code handBack} names, "any open P4-P3 issues", the rest being counted as backlog.
   */
  public static HandedIssues at(
      HandoffKind kind,
      List<OpenIssue> open,
      HandBack handBack,
      PriorityScale scale,
      Freshness freshness) {
    List<OpenIssue> handed = new ArrayList<>();
    int backlog = 0;
    for (OpenIssue issue : open) {
      if (kind != HandoffKind.FROM_WEEKEND || handBack.handsBack(issue)) {
        handed.add(issue);
      } else {
        backlog++;
      }
    }
    // Stable: issues of one priority keep their order, newest first.
    handed.sort(Comparator.comparing(OpenIssue::priority, scale.highestFirst()));
    return new HandedIssues(handed, backlog, freshness);
  }
}
