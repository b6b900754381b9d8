package dev.meister.core.filing;

import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An issue Meister filed, remembered so a later failure with the same root cause joins it.
 *
 * @param id GitHub's numeric issue id (not its number), which the sub-issues API wants
 * @param fingerprint the root cause it was filed for, see {@link IssueFingerprint} and {@link
 *     RootCause#fingerprint}
 * @param open false once Meister saw it closed
 * @param priority the priority label it was filed with ({@code P1}–{@code P4}); null for none
 * @param rootCause the area and error signature it was filed for; empty for an issue filed for a
 *     whole run (before root-cause groups, or a run whose log names no tests)
 */
public record FiledIssue(
    IssueRef ref,
    long id,
    String title,
    String fingerprint,
    Instant filedAt,
    boolean open,
    @Nullable String priority,
    Optional<RootCause> rootCause) {

  /** An issue filed for a whole run. */
  public FiledIssue(
      IssueRef ref,
      long id,
      String title,
      String fingerprint,
      Instant filedAt,
      boolean open,
      @Nullable String priority) {
    this(ref, id, title, fingerprint, filedAt, open, priority, Optional.empty());
  }
}
