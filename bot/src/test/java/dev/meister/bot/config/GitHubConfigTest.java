package dev.meister.bot.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meister.core.filing.FilingRule;
import dev.meister.core.schedule.RotationId;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator.ReplaceUnderscores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayNameGeneration(ReplaceUnderscores.class)
class GitHubConfigTest {
  private static final String BASE =
      """
      team:
        members:
          alice: { name: Alice, github: alice-gh, roles: [team_lead] }
      rotations:
        builds:
          name: Builds
          zone: Europe/Berlin
          shift: 1w
          handoff: { day: monday, time: "11:00" }
          anchor: 2026-11-02
          roster: [alice]
      """;

  @TempDir Path dir;

  private ConfigFixture fixture() {
    return new ConfigFixture(dir);
  }

  @Test
  void the_section_gives_api_token_rules_templates_and_reasons() throws Exception {
    MeisterConfig cfg =
        new ConfigLoader(Map.of("GITHUB_TOKEN", "ghp_x"))
            .load(
                fixture()
                    .write(
                        BASE
                            + """
            github:
              api_url: https://github.example.com/api/v3
              token: ${GITHUB_TOKEN}
              repo: acme/issues
              epic: "#100"
              labels: [bug]
              priority: P3
              trace_lines: 12
              titles:
                airflow: "DAG {dag_id} broke"
              rotations:
                builds: { repo: acme/builds, labels: [ci], priority: P1, confirm_priority: true }
              reasons: [Flaky test, Underlying data changed]
            """),
                SecretPolicy.REQUIRED,
                w -> {});

    GitHubConfig gh = cfg.github();
    assertThat(gh.apiUrl()).isEqualTo("https://github.example.com/api/v3");
    assertThat(gh.token().reveal()).isEqualTo("ghp_x");
    assertThat(gh.filingEnabled()).isTrue();
    assertThat(gh.defaults())
        .isEqualTo(new FilingRule("acme/issues", 100, List.of("bug"), "P3", false));
    assertThat(gh.ruleFor(RotationId.of("builds")))
        .isEqualTo(new FilingRule("acme/builds", 100, List.of("bug", "ci"), "P1", true));
    assertThat(gh.traceLines()).isEqualTo(12);
    assertThat(gh.airflowTitle().text()).isEqualTo("DAG {dag_id} broke");
    assertThat(gh.githubTitle().text()).isEqualTo("Build fail - {repo} {test_type} ({run_number})");
    assertThat(gh.reasons()).containsExactly("Flaky test", "Underlying data changed");
  }

  @Test
  void without_the_section_filing_is_off_and_the_default_reasons_apply() throws Exception {
    MeisterConfig cfg = fixture().load(BASE);

    assertThat(cfg.github().filingEnabled()).isFalse();
    assertThat(cfg.github().reasons()).contains("Merged a branch with broken tests");
  }

  @Test
  void an_unset_token_variable_turns_filing_off_rather_than_failing_the_start() throws Exception {
    MeisterConfig cfg =
        new ConfigLoader(Map.of())
            .load(
                fixture()
                    .write(
                        BASE
                            + """
        github:
          token: ${GITHUB_TOKEN}
        """),
                SecretPolicy.REQUIRED,
                w -> {});

    assertThat(cfg.github().filingEnabled()).isFalse();
  }

  @Test
  void mistakes_are_reported_with_file_and_line() {
    List<String> problems =
        fixture()
            .problems(
                BASE
                    + """
        github:
          token: ghp_literal_token
          api_url: api.github.com
          repo: just-a-name
          priority: urgent
          titles:
            github: "Build {repo} {tset_type}"
          rotations:
            bilds: { repo: acme/x }
          colour: blue
        """);

    assertThat(problems)
        .containsExactly(
            "meister.yml:13: github.token: write secrets as ${ENV_VAR}, not literally in the file",
            "meister.yml:14: github.api_url: 'api.github.com' must be an http(s) URL, e.g."
                + " https://api.github.com or https://github.example.com/api/v3",
            "meister.yml:15: github.repo: 'just-a-name' must be a repository as owner/name",
            "meister.yml:16: github.priority: 'urgent' is not a level of priorities (P1, P2, P3, P4)",
            "meister.yml:18: github.titles.github: unknown placeholder {tset_type}; known: {alert_id},"
                + " {author}, {branch}, {commit}, {dag_id}, {event}, {job}, {logical_date}, {repo},"
                + " {repo_full}, {run_id}, {run_number}, {task_id}, {test_type}, {title},"
                + " {workflow}",
            "meister.yml:20: github.rotations.bilds: unknown rotation 'bilds' (did you mean"
                + " 'builds'?)",
            "meister.yml:21: github.colour: unknown key 'colour'");
  }

  @Test
  void a_route_can_have_its_own_labels_and_priority_over_its_rotations() throws Exception {
    MeisterConfig cfg =
        new ConfigLoader(Map.of("GITHUB_TOKEN", "ghp_x"))
            .load(
                fixture()
                    .write(
                        BASE
                            + """
            chats:
              telegram:
                enabled: false
                token: ${TELEGRAM_BOT_TOKEN}
                chats:
                  builds: { chat_id: -100123 }
            routes:
              - name: nightly
                match: { source: github, workflow: "nightly*" }
                rotation: builds
                chat: telegram/builds
              - { name: everything, rotation: builds, chat: telegram/builds }
            github:
              token: ${GITHUB_TOKEN}
              repo: acme/issues
              labels: [bug]
              priority: P3
              rotations:
                builds: { labels: [ci] }
              routes:
                nightly: { labels: [nightly], priority: P4 }
            """),
                SecretPolicy.REQUIRED,
                w -> {});

    GitHubConfig gh = cfg.github();
    assertThat(gh.ruleFor(RotationId.of("builds"), "nightly"))
        .isEqualTo(
            new FilingRule("acme/issues", null, List.of("bug", "ci", "nightly"), "P4", false));
    assertThat(gh.ruleFor(RotationId.of("builds"), "everything"))
        .isEqualTo(new FilingRule("acme/issues", null, List.of("bug", "ci"), "P3", false));
    assertThat(gh.ruleFor(null, null)).isEqualTo(gh.defaults());
  }

  @Test
  void a_rule_for_a_route_that_does_not_exist_is_reported() {
    List<String> problems =
        fixture()
            .problems(
                BASE
                    + """
        chats:
          telegram:
            enabled: false
            token: ${TELEGRAM_BOT_TOKEN}
            chats:
              builds: { chat_id: -100123 }
        routes:
          - { name: nightly, rotation: builds, chat: telegram/builds }
        github:
          token: ${GITHUB_TOKEN}
          routes:
            nightyl: { priority: P4 }
        """);

    assertThat(problems)
        .containsExactly(
            "meister.yml:23: github.routes.nightyl: no route is named 'nightyl' (did you mean"
                + " 'nightly'?)");
  }

  @Test
  void the_priority_scale_is_read_highest_first_and_defaults_to_P1_first() throws Exception {
    // Seed 001: "P4 Very high priority ... P3 High priority ... P2/P1 Medium/low priority".
    assertThat(fixture().load(BASE + "priorities: [P4, P3, P2, P1]\n").priorities().levels())
        .containsExactly("P4", "P3", "P2", "P1");
    assertThat(fixture().load(BASE).priorities().highest()).isEqualTo("P1");
    assertThat(fixture().problems(BASE + "priorities: [P4, p4]\n"))
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .contains("priorities")
        .contains("listed twice");
  }
}
