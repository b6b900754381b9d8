package dev.meister.core.filing;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * How often one root cause broke something.
 *
 * @param title the newest alert's title
 * @param issue the issue its alerts were filed as or linked to, the newest one if several
 */
public record FailureCount(
    String fingerprint, String title, int count, Instant last, @Nullable IssueRef issue) {}
