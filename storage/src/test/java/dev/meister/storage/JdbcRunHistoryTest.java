package dev.meister.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meister.core.alert.GitHubRun;
import dev.meister.core.alert.Outcome;
import dev.meister.core.alert.RunEvent;
import org.junit.jupiter.api.Test;

class JdbcRunHistoryTest extends StorageTestBase {
  private static RunEvent green(String delivery, long minutes, String branch) {
    return new RunEvent(
        "github:" + delivery,
        Outcome.SUCCEEDED,
        NOW.plusSeconds(60 * minutes),
        GitHubRun.builder("cryptokaizen/cmamp")
            .workflowPath(".github/workflows/fast_tests.yml")
            .branch(branch)
            .build());
  }

  @Test
  void the_latest_success_of_a_workflow_and_branch_is_found_and_repeats_are_ignored() {
    assertThat(storage.runs().recordSuccess(green("g1", 0, "master"))).isTrue();
    assertThat(storage.runs().recordSuccess(green("g1", 0, "master"))).isFalse();
    storage.runs().recordSuccess(green("g2", 30, "master"));
    storage.runs().recordSuccess(green("g3", 60, "feature"));

    assertThat(
            storage
                .runs()
                .lastSuccess("cryptokaizen/cmamp", ".github/workflows/fast_tests.yml", "master"))
        .contains(NOW.plusSeconds(1800));
    assertThat(
            storage
                .runs()
                .lastSuccess("cryptokaizen/cmamp", ".github/workflows/slow_tests.yml", "master"))
        .isEmpty();
  }
}
