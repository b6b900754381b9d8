package dev.meister.core.flaky;

import dev.meister.core.chat.AlertId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port: the attempts of GitHub workflow runs with their failing tests, and the tests seen passing
 * on re-run. Writes join the caller's transaction.
 */
public interface BuildRunStore {
  /** Records an attempt; false when its delivery was recorded before. */
  boolean record(BuildRun run);

  /** Records the failing tests the logs of {@code alert}'s attempt named; false for no attempt. */
  boolean recordFailedTests(AlertId alert, List<String> tests);

  /** The attempt {@code alert} was made of, with its failing tests. */
  Optional<BuildRun> forAlert(AlertId alert);

  /** Every recorded attempt of {@code workflow} on commit {@code headSha}, oldest first. */
  List<BuildRun> onCommit(String repo, String workflow, String headSha);

  /** The newest {@code limit} attempts of {@code workflow} on {@code branch}, newest first. */
  List<BuildRun> lastOnBranch(String repo, String workflow, String branch, int limit);

  /** Records a pass on re-run; false when the test was seen flaky on that commit before. */
  boolean recordPass(FlakyPass pass);

  /** The passes on re-run of {@code test} in {@code repo}, newest first. */
  List<FlakyPass> passesOf(String repo, String test);

  /** Every pass on re-run seen at or after {@code since}, newest first. */
  List<FlakyPass> passesSince(Instant since);
}
