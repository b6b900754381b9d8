package dev.meister.bot.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meister.core.alert.PrioritySetting;
import dev.meister.core.alert.Tag;
import dev.meister.core.team.MemberId;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator.ReplaceUnderscores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Priority levels and tags of routes, priority rules and filing rules, checked against the scale.
 */
@DisplayNameGeneration(ReplaceUnderscores.class)
class PriorityConfigTest {
  /** Lines 1-15, seed 001's scale on line 15; whatever a test appends starts on line 16. */
  private static final String BASE =
      """
      team:
        members:
          alice: { name: Alice, roles: [team_lead] }
          bob: { name: Bob }
      rotations:
        ops:
          name: Ops
          zone: Europe/Berlin
          shift: 1w
          handoff: { day: monday, time: "11:00" }
          anchor: 2026-11-02
          roster: [alice, bob]
          chat: console/ops
      github: { token: "${GITHUB_TOKEN}", priority: P2 }
      priorities: [P4, P3, P2, P1]
      """;

  @TempDir Path dir;
  private ConfigFixture fixture;

  @BeforeEach
  void setUp() {
    fixture = new ConfigFixture(dir);
  }

  // Seed 000: "All the failures from region `tokyo` are of highest priority" and, separately,
  // "for `bid_ask` or `OHLCV` DAGs ping the channel by tagging the team leader".
  @Test
  void a_rule_sets_a_level_and_separately_who_is_tagged() throws ConfigException {
    String yaml =
        BASE
            + """
            priority_rules:
              - { name: tokyo, match: { region: tokyo }, level: p4 }
              - { name: bid-ask, match: { region: tokyo, dag: "bid_ask*" }, tag: [team_lead, bob] }
              - { name: both, match: { dag: "ohlcv*" }, level: P3, tag: team_lead }
            """;

    MeisterConfig config = fixture.load(yaml);

    assertThat(config.priorityRules())
        .extracting(PriorityRule::setting)
        .containsExactly(
            PrioritySetting.level("P4"),
            new PrioritySetting(
                Optional.empty(), List.of(Tag.teamLead(), new Tag.OfMember(MemberId.of("bob")))),
            new PrioritySetting(Optional.of("P3"), List.of(Tag.teamLead())));
  }

  // Seed 001: "P4 Very high priority" is the top of its scale, so the deprecated 'high' is P4
  // there.
  @Test
  void the_deprecated_priority_high_is_the_scales_highest_level_and_tags_the_lead()
      throws ConfigException {
    String yaml =
        BASE
            + """
            routes:
              - { name: all, rotation: ops, priority: high }
            priority_rules:
              - { name: old, match: { region: tokyo }, priority: high }
            """;

    MeisterConfig config = fixture.load(yaml);

    PrioritySetting p4AndLead = new PrioritySetting(Optional.of("P4"), List.of(Tag.teamLead()));
    assertThat(config.routes().get(0).priority()).isEqualTo(p4AndLead);
    assertThat(config.priorityRules().get(0).setting()).isEqualTo(p4AndLead);
  }

  @Test
  void a_route_priority_is_a_level_of_the_scale() throws ConfigException {
    String yaml = BASE + "routes:\n  - { name: all, rotation: ops, priority: P3 }\n";

    assertThat(fixture.load(yaml).routes().get(0).priority())
        .isEqualTo(PrioritySetting.level("P3"));
  }

  @Test
  void levels_off_the_scale_and_unknown_tags_are_reported_where_they_are() {
    String yaml =
        BASE
            + """
            routes:
              - { name: all, rotation: ops, priority: P9 }
            priority_rules:
              - { name: a, match: { region: tokyo }, level: P5 }
              - { name: b, match: { region: tokyo }, tag: [bobb] }
              - { name: c, match: { region: tokyo } }
              - { name: d, match: { region: tokyo }, priority: high, level: P4 }
            """;

    assertThat(fixture.problems(yaml))
        .containsExactly(
            "meister.yml:17: routes[0].priority: 'P9' must be a level of priorities"
                + " (P4, P3, P2, P1), or the deprecated high or normal",
            "meister.yml:19: priority_rules[0].level: 'P5' is not a level of priorities"
                + " (P4, P3, P2, P1)",
            "meister.yml:20: priority_rules[1].tag[0]: unknown member 'bobb' (did you mean"
                + " 'bob'?)",
            "meister.yml:21: priority_rules[2]: a priority rule needs a 'level' (one of P4, P3,"
                + " P2, P1), a 'tag', or both",
            "meister.yml:22: priority_rules[3].priority: 'priority' is the deprecated spelling of"
                + " 'level' and 'tag'; write only those");
  }

  // Issue #12: "GitHubSection validates `priority:` labels against the configured scale".
  @Test
  void filing_labels_are_checked_against_the_configured_scale_not_p1_to_p4() {
    String yaml = BASE.replace("priorities: [P4, P3, P2, P1]", "priorities: [sev1, sev2]");

    assertThat(fixture.problems(yaml))
        .containsExactly(
            "meister.yml:14: github.priority: 'P2' is not a level of priorities (sev1, sev2)");
  }
}
