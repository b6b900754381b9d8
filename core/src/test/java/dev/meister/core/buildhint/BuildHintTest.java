package dev.meister.core.buildhint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.meister.core.alert.GitHubRun;
import dev.meister.core.alert.Glob;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator.ReplaceUnderscores;
import org.junit.jupiter.api.Test;

/** Seed 002's "`update_amp_submodule` fails" instructions, as a hint on the build's alert. */
@DisplayNameGeneration(ReplaceUnderscores.class)
class BuildHintTest {
  private static final GitHubRun DEV_TOOLS =
      GitHubRun.builder("alphamatic/dev_tools")
          .workflowName("Update amp submodule")
          .workflowPath(".github/workflows/update_amp_submodule.yml")
          .runId(7L)
          .build();

  private static BuildHint hint(
      Optional<String> workflow,
      Optional<String> job,
      Optional<String> step,
      Optional<String> pattern) {
    return new BuildHint(
        Optional.of(Glob.of("alphamatic/*")),
        workflow.map(Glob::of),
        job.map(Glob::of),
        step.map(Glob::of),
        pattern.map(BuildHint::pattern),
        "update the amp pointer manually",
        Optional.empty());
  }

  // Seed 002: "`update_amp_submodule` fails - When this happens, the first thing to do is attempt
  // to update the `amp` pointer manually".
  @Test
  void a_hint_keyed_on_the_workflow_file_is_known_from_the_alert_alone() {
    BuildHint h =
        hint(
            Optional.of("update_amp_submodule*"),
            Optional.empty(),
            Optional.empty(),
            Optional.empty());

    assertThat(h.matchesAlert(DEV_TOOLS)).isTrue();
    assertThat(
            h.matchesAlert(
                GitHubRun.builder("alphamatic/dev_tools").workflowName("Fast tests").build()))
        .isFalse();
  }

  @Test
  void a_hint_keyed_on_a_job_matches_a_workflow_job_alert_of_that_job_and_else_the_failed_jobs() {
    BuildHint h =
        hint(
            Optional.empty(),
            Optional.of("update_amp_submodule"),
            Optional.empty(),
            Optional.empty());

    assertThat(h.matchesAlert(DEV_TOOLS.toBuilder().job("update_amp_submodule").build())).isTrue();
    assertThat(h.matchesAlert(DEV_TOOLS)).isFalse();
    assertThat(
            h.matchesJobs(
                DEV_TOOLS,
                List.of(new FailedJob("update_amp_submodule", Optional.empty(), Optional.empty()))))
        .isTrue();
  }

  @Test
  void a_hint_keyed_on_a_step_waits_for_the_failed_jobs_and_matches_their_failed_step() {
    BuildHint h =
        hint(Optional.empty(), Optional.empty(), Optional.of("*amp pointer*"), Optional.empty());

    assertThat(h.matchesAlert(DEV_TOOLS)).isFalse();
    assertThat(
            h.matchesJobs(
                DEV_TOOLS,
                List.of(
                    new FailedJob("update", Optional.of("Update amp pointer"), Optional.empty()))))
        .isTrue();
    assertThat(
            h.matchesJobs(
                DEV_TOOLS,
                List.of(new FailedJob("update", Optional.of("Checkout"), Optional.empty()))))
        .isFalse();
  }

  @Test
  void a_hint_keyed_on_a_log_pattern_matches_a_failed_jobs_log_case_insensitively() {
    BuildHint h =
        hint(
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.of("reference is not a tree"));

    assertThat(
            h.matchesJobs(
                DEV_TOOLS,
                List.of(
                    new FailedJob("a", Optional.empty(), Optional.empty()),
                    new FailedJob(
                        "b",
                        Optional.empty(),
                        Optional.of("fatal: Reference is not a tree: 1a2b")))))
        .isTrue();
    assertThat(
            h.matchesJobs(
                GitHubRun.builder("acme/widgets").build(),
                List.of(
                    new FailedJob("b", Optional.empty(), Optional.of("reference is not a tree")))))
        .isFalse();
  }

  @Test
  void a_hint_without_any_match_or_pattern_is_refused() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new BuildHint(
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    "x",
                    Optional.empty()))
        .withMessage("a build hint needs a match (repo, workflow, job or step) or a pattern");
  }

  @Test
  void an_invalid_pattern_is_explained() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> BuildHint.pattern("amp("))
        .withMessageStartingWith("pattern 'amp(' is not a valid regular expression: ");
    assertThat(BuildHint.pattern("AMP").flags() & Pattern.CASE_INSENSITIVE).isNotZero();
  }
}
