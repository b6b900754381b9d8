package dev.meister.core.silence;

import dev.meister.core.alert.AlertMatch;
import dev.meister.core.validation.Checks;
import java.time.Instant;
import java.util.Optional;

/**
 * A silence to store.
 *
 * @param windowKey set for a configured window's occurrence: storing it twice stores it once
 */
public record SilenceDraft(
    AlertMatch match,
    Instant from,
    Instant until,
    String reason,
    String createdBy,
    Instant createdAt,
    boolean quiet,
    boolean includeHigh,
    Optional<String> windowKey) {
  public SilenceDraft {
    Checks.check(until.isAfter(from), "a silence must end after it starts");
    Checks.notBlank(createdBy, "createdBy");
    reason = reason.strip();
  }
}
