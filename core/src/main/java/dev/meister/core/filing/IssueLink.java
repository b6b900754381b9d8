package dev.meister.core.filing;

import dev.meister.core.chat.AlertId;
import java.time.Instant;

/**
 * An alert tied to an issue.
 *
 * @param filed true if Meister created the issue for this alert, false if the alert was linked to
 *     an existing one
 */
public record IssueLink(AlertId alert, IssueRef issue, Instant linkedAt, boolean filed) {}
