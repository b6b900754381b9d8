package dev.meister.core.handoff;

import dev.meister.core.alert.PriorityScale;
import dev.meister.core.filing.IssueRef;
import dev.meister.core.filing.IssueSnapshot;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;

/**
 * An open issue a rotation is responsible for, as GitHub showed it at the hand-off or, when GitHub
 * could not be asked, as Meister last saw it.
 *
 * @param priority its priority label, a level of the team's {@link PriorityScale}; empty when it
 *     carries none
 * @param assignee the first assignee's GitHub login
 * @param createdAt when it was opened, as GitHub said; empty when only last seen
 * @param updatedAt its last activity on GitHub (comment, label, edit)
 */
public record OpenIssue(
    IssueRef ref,
    Optional<String> title,
    Optional<String> priority,
    Optional<String> assignee,
    Optional<Instant> createdAt,
    Optional<Instant> updatedAt) {

  /** An issue without its times, as Meister last saw it. */
  public OpenIssue(
      IssueRef ref, Optional<String> title, Optional<String> priority, Optional<String> assignee) {
    this(ref, title, priority, assignee, Optional.empty(), Optional.empty());
  }

  /** An issue known only by its reference. */
  public static OpenIssue of(IssueRef ref) {
    return new OpenIssue(ref, Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** The issue as GitHub shows it: its most urgent label on {@code scale} is its priority. */
  public static OpenIssue from(IssueSnapshot s, PriorityScale scale) {
    Optional<String> priority =
        s.labels().stream()
            .map(scale::level)
            .flatMap(Optional::stream)
            .min(Comparator.comparingInt(l -> scale.rank(l).orElse(Integer.MAX_VALUE)));
    return new OpenIssue(
        s.ref(),
        s.title().isBlank() ? Optional.empty() : Optional.of(s.title()),
        priority,
        s.assignees().stream().findFirst(),
        s.createdAt(),
        s.updatedAt());
  }

  /** The same issue on any spelling of its repository's name (GitHub ignores case there). */
  boolean sameAs(IssueRef other) {
    return ref.number() == other.number() && ref.repo().equalsIgnoreCase(other.repo());
  }
}
