package dev.meister.core.filing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meister.core.alert.Alert;
import dev.meister.core.alert.AlertPriority;
import dev.meister.core.alert.GitHubRun;
import dev.meister.core.chat.AlertId;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator.ReplaceUnderscores;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(ReplaceUnderscores.class)
class IssueFingerprintTest {
  private static Alert build(String run) {
    Instant at = Instant.parse("2026-11-23T05:00:00Z");
    return new Alert(
        new AlertId(1),
        "github:" + run,
        "gh:acme/widgets:fast_tests.yml",
        null,
        null,
        AlertPriority.NONE,
        "Build fail - widgets fast",
        at,
        at,
        GitHubRun.builder("acme/widgets")
            .workflowPath(".github/workflows/fast_tests.yml")
            .runId(Long.valueOf(run))
            .build());
  }

  @Test
  void the_same_failing_tests_in_any_order_give_the_same_fingerprint() {
    String a =
        IssueFingerprint.of(
            build("1"), new Failures(List.of("t::a", "t::b"), List.of()), "tests", null);
    String b =
        IssueFingerprint.of(
            build("2"), new Failures(List.of("t::b", "t::a"), List.of()), "other job", "step");

    assertThat(a).isEqualTo(b).startsWith("gh:acme/widgets:fast_tests.yml:tests:");
  }

  @Test
  void different_failing_tests_give_different_fingerprints() {
    String a =
        IssueFingerprint.of(build("1"), new Failures(List.of("t::a"), List.of()), null, null);
    String b =
        IssueFingerprint.of(build("1"), new Failures(List.of("t::b"), List.of()), null, null);

    assertThat(a).isNotEqualTo(b);
  }

  @Test
  void without_tests_the_failing_job_and_step_identify_the_failure() {
    assertThat(IssueFingerprint.of(build("1"), Failures.none(), "build", "Compile"))
        .isEqualTo("gh:acme/widgets:fast_tests.yml:job:build/Compile");
    assertThat(IssueFingerprint.of(build("1"), Failures.none(), null, null))
        .isEqualTo("gh:acme/widgets:fast_tests.yml");
  }
}
