package dev.meister.core.flaky;

import dev.meister.core.chat.AlertId;
import dev.meister.core.validation.Checks;
import java.time.Instant;
import java.util.Optional;

/**
 * A test that failed on a commit and passed when the same commit was re-run: one per test and
 * commit.
 *
 * @param failedAlert the alert of the failed attempt
 * @param passedAttempt the attempt that passed
 * @param seenAt when the pass was seen
 */
public record FlakyPass(
    String repo,
    String workflow,
    String branch,
    String test,
    String headSha,
    Optional<AlertId> failedAlert,
    int passedAttempt,
    Instant seenAt) {
  public FlakyPass {
    Checks.notBlank(repo, "repo");
    Checks.notBlank(test, "test");
    Checks.notBlank(headSha, "headSha");
  }
}
