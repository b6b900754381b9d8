package dev.meister.core.filing;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An issue as the tracker shows it now: whether it is open, its title, labels and assignees, and
 * when it was opened and last touched. The hand-off announcement asks for these so "open" means
 * open on GitHub, not what Meister last saw; {@code /issues} shows the times as age and activity.
 *
 * @param labels label names, as GitHub orders them
 * @param assignees logins
 * @param createdAt GitHub's {@code created_at}; empty when the answer lacks it
 * @param updatedAt GitHub's {@code updated_at}: any comment, label or edit moves it
 */
public record IssueSnapshot(
    IssueRef ref,
    String title,
    boolean open,
    List<String> labels,
    List<String> assignees,
    Optional<Instant> createdAt,
    Optional<Instant> updatedAt) {
  public IssueSnapshot {
    labels = List.copyOf(labels);
    assignees = List.copyOf(assignees);
  }

  /** A snapshot without times, as older callers and fakes give it. */
  public IssueSnapshot(
      IssueRef ref, String title, boolean open, List<String> labels, List<String> assignees) {
    this(ref, title, open, labels, assignees, Optional.empty(), Optional.empty());
  }
}
