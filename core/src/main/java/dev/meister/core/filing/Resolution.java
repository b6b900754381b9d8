package dev.meister.core.filing;

import dev.meister.core.chat.AlertId;
import dev.meister.core.validation.Checks;
import java.time.Instant;

/**
 * Why a break happened and what was done about it, as the post-mortem log records it.
 *
 * @param reason one of the configured reasons, e.g. "Merged a branch with broken tests"
 * @param solution free text, e.g. "Tests disabled"
 * @param by the member id of who wrote it
 */
public record Resolution(AlertId alert, String reason, String solution, String by, Instant at) {
  public Resolution {
    Checks.notBlank(reason, "reason");
    Checks.notBlank(solution, "solution");
  }
}
