package dev.meister.core.handoff;

import dev.meister.core.filing.IssueRef;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An issue the outgoing on-call leaves open.
 *
 * @param priority the priority label Meister filed it with ({@code P1}–{@code P4}); null when
 *     unknown, e.g. an alert linked to an issue Meister did not file
 */
public record OpenIssue(IssueRef ref, @Nullable String priority) {
  /** Too urgent for the weekend layer: the weekday on-call keeps these over the weekend. */
  private static final Set<String> WEEKDAY_ONLY = Set.of("P1", "P2");

  /** True for P1/P2, which stay with the weekday on-call when the weekend starts. */
  public boolean staysOnWeekdays() {
    return priority != null && WEEKDAY_ONLY.contains(priority);
  }
}
