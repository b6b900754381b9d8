package dev.meister.bot.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meister.core.alert.Glob;
import dev.meister.core.buildhint.BuildHint;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code build_hints}: seed 002's runbook instructions keyed on a build's job, step or log. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class BuildHintsConfigTest {
  /** Lines 1-12; whatever a test appends starts on line 13. */
  private static final String BASE =
      """
      team:
        members:
          erin: { name: Erin }
      rotations:
        buildmeister:
          name: Buildmeister
          zone: Europe/Berlin
          shift: 2w
          handoff: { day: monday, time: "11:00" }
          anchor: 2026-11-02
          roster: [erin]
      build_hints:
      """;

  @TempDir Path dir;
  private ConfigFixture fixture;

  @BeforeEach
  void setUp() {
    fixture = new ConfigFixture(dir);
  }

  // Seed 002: "`update_amp_submodule` fails - ... attempt to update the `amp` pointer manually".
  @Test
  void a_hint_reads_its_match_pattern_advice_and_runbook() throws ConfigException {
    MeisterConfig config =
        fixture.load(
            BASE
                + """
                  - match: { repo: "alphamatic/*", workflow: "update_amp_submodule*", job: update, step: "Update amp*" }
                    pattern: "reference is not a tree"
                    hint: update the amp pointer manually
                    runbook: https://wiki.example.com/amp
                """);

    BuildHint hint = config.buildHints().get(0);
    assertThat(hint.repo()).contains(Glob.of("alphamatic/*"));
    assertThat(hint.workflow()).contains(Glob.of("update_amp_submodule*"));
    assertThat(hint.job()).contains(Glob.of("update"));
    assertThat(hint.step()).contains(Glob.of("Update amp*"));
    assertThat(hint.pattern().map(p -> p.pattern())).contains("reference is not a tree");
    assertThat(hint.advice()).isEqualTo("update the amp pointer manually");
    assertThat(hint.runbook()).contains("https://wiki.example.com/amp");
  }

  @Test
  void without_build_hints_there_are_none() throws ConfigException {
    assertThat(fixture.load(BASE.replace("build_hints:\n", "")).buildHints()).isEmpty();
  }

  @Test
  void mistakes_are_reported_with_their_lines() {
    assertThat(
            fixture.problems(
                BASE
                    + """
                      - { match: { job: x, stage: y }, hint: a }
                      - { pattern: "amp(", hint: b }
                      - { match: { step: s } }
                      - { hint: everywhere }
                      - { match: { job: x }, hint: c, runbook: wiki/amp }
                    """))
        .containsExactly(
            "meister.yml:13: build_hints[0].match.stage: unknown key 'stage'",
            "meister.yml:14: build_hints[1].pattern: pattern 'amp(' is not a valid regular"
                + " expression: Unclosed group",
            "meister.yml:15: build_hints[2]: missing required field 'hint'",
            "meister.yml:16: build_hints[3]: a build hint needs a match (repo, workflow, job or"
                + " step) or a pattern",
            "meister.yml:17: build_hints[4].runbook: 'wiki/amp' must be an http:// or https:// URL");
  }
}
