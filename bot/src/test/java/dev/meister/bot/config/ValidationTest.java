package dev.meister.bot.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator.ReplaceUnderscores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayNameGeneration(ReplaceUnderscores.class)
class ValidationTest {
  @TempDir Path dir;
  private ConfigFixture fixture;

  @BeforeEach
  void setUp() {
    fixture = new ConfigFixture(dir);
  }

  /** A valid config; tests append to or replace parts of it. Rotation 'ops' starts on line 6. */
  private static final String TEAM =
      """
      team:
        members:
          alice: { name: Alice, telegram_id: 1, roles: [team_lead] }
          bob: { name: Bob, telegram_id: 2 }
      rotations:
      """;

  private static String rotation(String body) {
    return TEAM
        + """
          ops:
            name: Ops
            zone: Europe/Berlin
            shift: 1w
            handoff: { day: monday, time: "11:00" }
            anchor: 2026-11-02
        """
        + body.indent(4);
  }

  private static final String VALID = rotation("roster: [alice, bob]\n");

  @Test
  void the_base_config_is_valid() throws ConfigException {
    assertThat(fixture.load(VALID).rotations()).hasSize(1);
  }

  @Test
  void three_mistakes_yield_exactly_three_problems_at_their_lines() {
    String yaml =
        """
        team:
          members:
            alice: { name: Alice, roles: [team_lead] }
            bob: { name: Bob }
        rotations:
          ops:
            name: Ops
            zone: Europe/Berln
            shift: 1w
            handoff: { day: monday, time: "11:00" }
            anchor: 2026-11-02
            roster: [alice, bob, zed]
            unavailabilty_policy: keep
        """;

    assertThat(fixture.problems(yaml))
        .containsExactly(
            "meister.yml:8: rotations.ops.zone: unknown time zone 'Europe/Berln'"
                + " (did you mean 'Europe/Berlin'?)",
            "meister.yml:12: rotations.ops.roster[2]: unknown member 'zed'",
            "meister.yml:13: rotations.ops.unavailabilty_policy: unknown key"
                + " 'unavailabilty_policy' (did you mean 'unavailability_policy'?)");
  }

  @Test
  void a_misspelt_required_key_is_one_problem_with_a_suggestion_not_two() {
    assertThat(fixture.problems(rotation("rooster: [alice, bob]\n")))
        .containsExactly(
            "meister.yml:12: rotations.ops.rooster: unknown key 'rooster' (did you mean"
                + " 'roster'?)");
  }

  @Test
  void an_unknown_top_level_key_is_reported() {
    assertThat(fixture.problems(VALID + "servre: { port: 80 }\n"))
        .containsExactly("meister.yml:13: servre: unknown key 'servre' (did you mean 'server'?)");
  }

  @Test
  void a_missing_required_field_is_reported_at_its_mapping() {
    String yaml = VALID.replace("    zone: Europe/Berlin\n", "");

    assertThat(fixture.problems(yaml))
        .containsExactly("meister.yml:6: rotations.ops: missing required field 'zone'");
  }

  @Test
  void missing_team_and_rotations_sections_are_reported() {
    assertThat(fixture.problems("server: { port: 8080 }\n"))
        .containsExactly(
            "meister.yml:1: team: missing required section 'team'",
            "meister.yml:1: rotations: missing required section 'rotations'");
  }

  @Test
  void an_unknown_member_in_a_roster_is_reported_with_a_suggestion() {
    assertThat(fixture.problems(rotation("roster: [alice, bobb]\n")))
        .containsExactly(
            "meister.yml:12: rotations.ops.roster[1]: unknown member 'bobb' (did you mean 'bob'?)");
  }

  @Test
  void unknown_members_in_secondary_and_weekend_rosters_are_reported() {
    String yaml =
        rotation(
            """
            roster: [alice, bob]
            secondary: [carol]
            weekend:
              from: { day: friday, time: "17:00" }
              to: { day: monday, time: "11:00" }
              roster: [bob, dan]
            """);

    assertThat(fixture.problems(yaml))
        .containsExactly(
            "meister.yml:13: rotations.ops.secondary[0]: unknown member 'carol'",
            "meister.yml:17: rotations.ops.weekend.roster[1]: unknown member 'dan'");
  }

  /** Seed 001: "the weekend on-call engineer hands off any open P4-P3 issues". */
  @Test
  void the_weekend_hand_back_names_levels_of_the_priority_scale() throws ConfigException {
    String yaml =
        rotation(
                """
                roster: [alice, bob]
                weekend:
                  from: { day: friday, time: "17:00" }
                  to: { day: monday, time: "11:00" }
                  roster: [bob]
                  hand_back: [p4, P3]
                """)
            + "priorities: [P4, P3, P2, P1]\n";

    assertThat(fixture.load(yaml).duties().handBacks())
        .containsEntry(
            dev.meister.core.schedule.RotationId.of("ops"),
            new dev.meister.core.handoff.HandBack(List.of("P4", "P3")));
  }

  @Test
  void an_unknown_hand_back_level_is_reported_where_it_stands() {
    String yaml =
        rotation(
                """
                roster: [alice, bob]
                weekend:
                  from: { day: friday, time: "17:00" }
                  to: { day: monday, time: "11:00" }
                  roster: [bob]
                  hand_back: [P4, P5]
                """)
            + "priorities: [P4, P3, P2, P1]\n";

    assertThat(fixture.problems(yaml))
        .containsExactly(
            "meister.yml:17: rotations.ops.weekend.hand_back[1]: unknown priority 'P5'; the"
                + " priorities are P4, P3, P2, P1");
  }

  @Test
  void a_bad_shift_length_is_reported() {
    String yaml = VALID.replace("shift: 1w", "shift: 2 weeks");

    assertThat(fixture.problems(yaml))
        .containsExactly(
            "meister.yml:9: rotations.ops.shift: shift length '2 weeks' must look like 2w, 1w, 3d"
                + " or 12h");
  }

  @Test
  void a_bad_day_and_a_bad_time_are_reported() {
    String yaml =
        VALID.replace("{ day: monday, time: \"11:00\" }", "{ day: funday, time: \"25:00\" }");

    assertThat(fixture.problems(yaml))
        .containsExactly(
            "meister.yml:10: rotations.ops.handoff.day: 'funday' is not a day of the week"
                + " (monday, tuesday, ... sunday)",
            "meister.yml:10: rotations.ops.handoff.time: time '25:00' must be HH:MM, e.g."
                + " \"11:00\"");
  }

  @Test
  void an_anchor_off_the_hand_off_weekday_is_reported_for_whole_week_shifts() {
    String yaml = VALID.replace("anchor: 2026-11-02", "anchor: 2026-11-03");

    assertThat(fixture.problems(yaml))
        .containsExactly(
            "meister.yml:11: rotations.ops.anchor: anchor 2026-11-03 is a Tuesday, but hand-offs"
                + " are on Monday");
  }

  @Test
  void an_anchor_on_any_weekday_is_fine_for_daily_shifts() throws ConfigException {
    String yaml = VALID.replace("anchor: 2026-11-02", "anchor: 2026-11-03").replace("1w", "3d");

    assertThat(fixture.load(yaml).rotations()).hasSize(1);
  }

  @Test
  void duplicate_telegram_ids_are_reported_on_the_second_member() {
    String yaml =
        VALID.replace("bob: { name: Bob, telegram_id: 2 }", "bob: { name: Bob, telegram_id: 1 }");

    assertThat(fixture.problems(yaml))
        .containsExactly(
            "meister.yml:4: team.members.bob.telegram_id: telegram_id 1 is also used by member"
                + " 'alice'");
  }

  @Test
  void a_duplicate_key_is_reported() {
    String yaml = VALID.replace("    shift: 1w\n", "    shift: 1w\n    shift: 2w\n");

    assertThat(fixture.problems(yaml))
        .containsExactly("meister.yml:10: rotations.ops.shift: duplicate key 'shift'");
  }

  @Test
  void a_team_without_a_lead_is_only_a_warning() throws ConfigException {
    Path file = fixture.write(VALID.replace(", roles: [team_lead]", ""));
    List<ConfigProblem> warnings = new ArrayList<>();

    new ConfigLoader(Map.of()).load(file, SecretPolicy.OPTIONAL, warnings::add);

    assertThat(warnings)
        .extracting(ConfigProblem::message)
        .containsExactly(
            "no member has the team_lead role; high-priority alerts and stalled hand-offs will"
                + " tag no one");
  }

  @Test
  void a_yaml_syntax_error_is_located_without_a_stack_trace() {
    String yaml =
        """
        team:
          members:
            alice: { name: Alice
        rotations: {}
        """;

    List<String> problems = fixture.problems(yaml);

    assertThat(problems).hasSize(1);
    assertThat(problems.get(0))
        .startsWith("meister.yml:4: (yaml): syntax error: ")
        .doesNotContain("Exception")
        .doesNotContain("\n");
  }

  @Test
  void an_empty_file_is_reported() {
    assertThat(fixture.problems("# nothing yet\n"))
        .containsExactly(
            "meister.yml:1: (file): the file is empty; it needs at least 'team' and 'rotations'");
  }

  @Test
  void a_missing_file_is_reported_as_a_problem() {
    ConfigException e =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            ConfigException.class,
            () -> new ConfigLoader(Map.of()).load(dir.resolve("nope.yml"), SecretPolicy.OPTIONAL));

    assertThat(e.problems())
        .extracting(ConfigProblem::message)
        .containsExactly("cannot read the file (NoSuchFileException)");
  }
}
