package dev.meister.core.filing;

import java.util.List;

/**
 * An issue as the tracker shows it now: whether it is open, its title, labels and assignees. The
 * hand-off announcement asks for these so "open" means open on GitHub, not what Meister last saw.
 *
 * @param labels label names, as GitHub orders them
 * @param assignees logins
 */
public record IssueSnapshot(
    IssueRef ref, String title, boolean open, List<String> labels, List<String> assignees) {
  public IssueSnapshot {
    labels = List.copyOf(labels);
    assignees = List.copyOf(assignees);
  }
}
