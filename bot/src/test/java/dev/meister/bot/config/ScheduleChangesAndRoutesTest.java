package dev.meister.bot.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meister.core.alert.PriorityScale;
import dev.meister.core.alert.PrioritySetting;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator.ReplaceUnderscores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayNameGeneration(ReplaceUnderscores.class)
class ScheduleChangesAndRoutesTest {
  /** Lines 1-14; whatever a test appends starts on line 15. */
  private static final String BASE =
      """
      team:
        members:
          alice: { name: Alice, roles: [team_lead] }
          bob: { name: Bob }
          carol: { name: Carol }
      rotations:
        ops:
          name: Ops
          zone: Europe/Berlin
          shift: 1w
          handoff: { day: monday, time: "11:00" }
          anchor: 2026-11-02
          roster: [alice, bob]
          chat: console/ops
      """;

  @TempDir Path dir;
  private ConfigFixture fixture;

  @BeforeEach
  void setUp() {
    fixture = new ConfigFixture(dir);
  }

  @Test
  void override_times_are_local_to_the_rotation_or_instants_with_an_offset()
      throws ConfigException {
    String yaml =
        BASE
            + """
            overrides:
              - { rotation: ops, member: carol, from: "2026-07-06T11:00", to: "2026-07-08T11:00Z" }
            """;

    MeisterConfig config = fixture.load(yaml);

    assertThat(config.overrides())
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.start()).isEqualTo(Instant.parse("2026-07-06T09:00:00Z"));
              assertThat(o.end()).isEqualTo(Instant.parse("2026-07-08T11:00:00Z"));
            });
  }

  @Test
  void overlapping_overrides_for_the_same_rotation_and_position_are_reported() {
    String yaml =
        BASE
            + """
            overrides:
              - { rotation: ops, member: carol, from: "2026-12-21T11:00", to: "2026-12-28T11:00" }
              - { rotation: ops, member: bob, from: "2026-12-27T11:00", to: "2026-12-29T11:00" }
            """;

    assertThat(fixture.problems(yaml))
        .containsExactly(
            "meister.yml:17: overrides[1]: overlaps overrides[0] (line 16) for ops primary");
  }

  @Test
  void an_override_of_an_unknown_rotation_and_member_is_reported() {
    String yaml =
        BASE
            + """
            overrides:
              - { rotation: opz, member: dave, covers: alice, from: "2026-12-21T11:00", to: "2026-12-28T11:00" }
            """;

    assertThat(fixture.problems(yaml))
        .containsExactly(
            "meister.yml:16: overrides[0].rotation: unknown rotation 'opz' (did you mean 'ops'?)",
            "meister.yml:16: overrides[0].member: unknown member 'dave'");
  }

  @Test
  void an_override_ending_before_it_starts_is_reported() {
    String yaml =
        BASE
            + """
            overrides:
              - { rotation: ops, member: carol, from: "2026-12-28T11:00", to: "2026-12-21T11:00" }
            """;

    assertThat(fixture.problems(yaml))
        .containsExactly("meister.yml:16: overrides[0]: an override must end after it starts");
  }

  @Test
  void a_secondary_override_needs_a_secondary_roster() {
    String yaml =
        BASE
            + """
            overrides:
              - { rotation: ops, position: secondary, member: carol, from: "2026-12-21T11:00", to: "2026-12-28T11:00" }
            """;

    assertThat(fixture.problems(yaml))
        .containsExactly(
            "meister.yml:16: overrides[0].position: rotation 'ops' has no secondary roster");
  }

  @Test
  void unavailability_with_an_unknown_cover_and_a_bad_date_is_reported() {
    String yaml =
        BASE
            + """
            unavailability:
              - member: carol
                from: 2026-12-24
                to: 2027-02-30
                covered_by: erin
            """;

    assertThat(fixture.problems(yaml))
        .containsExactly(
            "meister.yml:18: unavailability[0].to: date '2027-02-30' must be YYYY-MM-DD",
            "meister.yml:19: unavailability[0].covered_by: unknown member 'erin'");
  }

  @Test
  void routes_and_priority_rules_are_read() throws ConfigException {
    String yaml =
        BASE
            + """
            routes:
              - name: dags
                match: { source: airflow, dag: "ohlcv*", tags: [prod] }
                rotation: ops
                priority: normal
            priority_rules:
              - { name: tokyo, match: { region: tokyo }, priority: high }
            """;

    MeisterConfig config = fixture.load(yaml);

    assertThat(config.routes())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.match().tags()).containsExactly("prod");
              assertThat(r.priority()).isEqualTo(PrioritySetting.NONE);
            });
    // The deprecated 'priority: high': the highest level (P1 on the default scale) and the lead.
    assertThat(config.priorityRules())
        .extracting(PriorityRule::setting)
        .containsExactly(PrioritySetting.legacyHigh(PriorityScale.DEFAULT));
  }

  @Test
  void a_route_to_an_unknown_rotation_with_a_misspelt_match_key_is_reported() {
    String yaml =
        BASE
            + """
            routes:
              - name: builds
                match: { source: gitlab, repoo: cryptokaizen/cmamp }
                rotation: buildmeister
            """;

    assertThat(fixture.problems(yaml))
        .containsExactly(
            "meister.yml:17: routes[0].match.repoo: unknown key 'repoo' (did you mean 'repo'?)",
            "meister.yml:17: routes[0].match.source: 'gitlab' must be one of: github, airflow",
            "meister.yml:18: routes[0].rotation: unknown rotation 'buildmeister'");
  }

  @Test
  void a_route_needs_somewhere_to_go() {
    String yaml = BASE + "routes:\n  - { name: nowhere, match: { source: github } }\n";

    assertThat(fixture.problems(yaml))
        .containsExactly(
            "meister.yml:16: routes[0]: a route needs a 'rotation'"
                + " (whose on-call the alert tags); 'chat' is optional");
  }

  @Test
  void a_route_with_a_chat_but_no_rotation_is_refused_rather_than_dropped_at_run_time() {
    String yaml = BASE + "routes:\n  - { name: chat-only, chat: console/ops }\n";

    assertThat(fixture.problems(yaml))
        .containsExactly(
            "meister.yml:16: routes[0]: a route needs a 'rotation'"
                + " (whose on-call the alert tags); 'chat' is optional");
  }

  @Test
  void a_route_may_name_several_chats_the_first_is_where_the_on_call_works()
      throws ConfigException {
    String yaml =
        BASE
            + "routes:\n"
            + "  - name: builds\n"
            + "    match: { source: github }\n"
            + "    rotation: ops\n"
            + "    chat: [console/ops, console/guild-data-eng]\n";

    RouteConfig route = fixture.load(yaml).routes().get(0);

    assertThat(route.chatTarget()).hasValueSatisfying(c -> assertThat(c.name()).isEqualTo("ops"));
    assertThat(route.mirrors())
        .extracting(ChatTarget::reference)
        .containsExactly("console/guild-data-eng");
  }

  @Test
  void a_chat_listed_twice_or_a_bad_one_in_the_list_is_reported_at_its_item() {
    String yaml =
        BASE
            + "routes:\n"
            + "  - name: builds\n"
            + "    match: { source: github }\n"
            + "    rotation: ops\n"
            + "    chat: [console/ops, console/ops, ops]\n";

    assertThat(fixture.problems(yaml))
        .containsExactly(
            "meister.yml:19: routes[0].chat[1]: chat 'console/ops' is listed twice",
            "meister.yml:19: routes[0].chat[2]: chat 'ops' must look like <adapter>/<name> with"
                + " adapter one of telegram, slack, discord, console, e.g. telegram/data-alerts");
  }

  @Test
  void storage_and_server_default_and_check_the_port() throws ConfigException {
    assertThat(fixture.load(BASE).server()).isEqualTo(ServerConfig.defaults());
    assertThat(fixture.load(BASE).storage())
        .isEqualTo(StorageConfig.sqlite(Path.of("./meister.db")));
    assertThat(fixture.problems(BASE + "server: { port: 99999 }\n"))
        .containsExactly("meister.yml:15: server.port: port 99999 must be between 1 and 65535");
  }
}
