package dev.meister.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meister.core.chat.AlertId;
import dev.meister.core.flaky.BuildRun;
import dev.meister.core.flaky.FlakyPass;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JdbcBuildRunStoreTest extends StorageTestBase {
  private static final String REPO = "cryptokaizen/cmamp";
  private static final String FAST = ".github/workflows/fast_tests.yml";
  private static final String TEST = "test/test_utils.py::TestClean::test_clean";

  private static BuildRun run(
      String key,
      String sha,
      long runId,
      int attempt,
      boolean passed,
      long minutes,
      Optional<AlertId> alert) {
    return new BuildRun(
        "github:" + key,
        REPO,
        FAST,
        "master",
        sha,
        runId,
        attempt,
        passed,
        NOW.plusSeconds(60 * minutes),
        alert,
        List.of());
  }

  @Test
  void an_attempt_is_recorded_once_and_its_failing_tests_are_read_back_with_it() {
    AlertId alert = storage.alerts().record(alert("a1")).id();

    assertThat(storage.buildRuns().record(run("a1", "abc", 7, 1, false, 0, Optional.of(alert))))
        .isTrue();
    assertThat(storage.buildRuns().record(run("a1", "abc", 7, 1, false, 0, Optional.of(alert))))
        .isFalse();
    assertThat(storage.buildRuns().recordFailedTests(alert, List.of(TEST, "test/b.py::t")))
        .isTrue();
    assertThat(storage.buildRuns().recordFailedTests(new AlertId(999), List.of(TEST))).isFalse();

    BuildRun read = storage.buildRuns().forAlert(alert).orElseThrow();
    assertThat(read.headSha()).isEqualTo("abc");
    assertThat(read.attempt()).isEqualTo(1);
    assertThat(read.passed()).isFalse();
    assertThat(read.alert()).contains(alert);
    assertThat(read.failedTests()).containsExactly("test/b.py::t", TEST);
  }

  @Test
  void the_runs_of_a_commit_come_oldest_first_and_the_branch_s_last_runs_newest_first() {
    storage.buildRuns().record(run("a1", "abc", 7, 1, false, 0, Optional.empty()));
    storage.buildRuns().record(run("a2", "abc", 7, 2, true, 10, Optional.empty()));
    storage.buildRuns().record(run("b1", "def", 8, 1, true, 20, Optional.empty()));

    assertThat(storage.buildRuns().onCommit(REPO, FAST, "abc"))
        .extracting(BuildRun::attempt)
        .containsExactly(1, 2);
    assertThat(storage.buildRuns().lastOnBranch(REPO, FAST, "master", 2))
        .extracting(BuildRun::dedupKey)
        .containsExactly("github:b1", "github:a2");
    assertThat(storage.buildRuns().lastOnBranch(REPO, FAST, "feature", 10)).isEmpty();
  }

  @Test
  void a_test_is_flaky_once_per_commit_and_its_passes_are_read_newest_first() {
    AlertId alert = storage.alerts().record(alert("a1")).id();
    FlakyPass first = new FlakyPass(REPO, FAST, "master", TEST, "abc", Optional.of(alert), 2, NOW);
    FlakyPass later =
        new FlakyPass(REPO, FAST, "master", TEST, "def", Optional.empty(), 3, NOW.plusSeconds(60));

    assertThat(storage.buildRuns().recordPass(first)).isTrue();
    assertThat(storage.buildRuns().recordPass(first)).isFalse();
    storage.buildRuns().recordPass(later);

    assertThat(storage.buildRuns().passesOf(REPO, TEST)).containsExactly(later, first);
    assertThat(storage.buildRuns().passesOf(REPO, "other")).isEmpty();
    assertThat(storage.buildRuns().passesSince(NOW.plusSeconds(30))).containsExactly(later);
  }
}
