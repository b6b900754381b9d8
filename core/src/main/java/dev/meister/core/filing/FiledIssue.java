package dev.meister.core.filing;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An issue Meister filed, remembered so a later failure with the same root cause joins it.
 *
 * @param id GitHub's numeric issue id (not its number), which the sub-issues API wants
 * @param fingerprint the root cause it was filed for, see {@link IssueFingerprint}
 * @param open false once Meister saw it closed
 * @param priority the priority label it was filed with ({@code P1}–{@code P4}); null for none
 */
public record FiledIssue(
    IssueRef ref,
    long id,
    String title,
    String fingerprint,
    Instant filedAt,
    boolean open,
    @Nullable String priority) {}
