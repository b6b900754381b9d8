package dev.meister.core.handoff;

import dev.meister.core.alert.PriorityScale;
import java.util.List;

/**
 * The priorities the weekend on-call hands back on Monday (seed 001: "the weekend on-call engineer
 * hands off any open P4-P3 issues to the new hausmeister"); issues of other priorities, or none,
 * stay in the backlog.
 *
 * @param levels levels of the team's scale, as the scale spells them
 */
public record HandBack(List<String> levels) {
  public HandBack {
    levels = List.copyOf(levels);
  }

  /** The two most urgent levels of {@code scale}: seed 001's "P4-P3" on its [P4, P3, P2, P1]. */
  public static HandBack topTwo(PriorityScale scale) {
    return new HandBack(scale.top(2));
  }

  /** True when the issue's priority is one of the levels. */
  public boolean handsBack(OpenIssue issue) {
    return issue.priority().filter(p -> levels.stream().anyMatch(p::equalsIgnoreCase)).isPresent();
  }
}
