package dev.meister.bot.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meister.core.action.ActionKind;
import dev.meister.core.action.ActionParty;
import dev.meister.core.action.ActionPolicy;
import dev.meister.core.team.MemberId;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code actions} on routes and pipelines (#14): which runbook actions their alerts allow, who may
 * ask and who approves; every mistake located.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ActionsConfigTest {
  /** Lines 1-25; whatever a test appends starts on line 26. */
  private static final String BASE =
      """
      team:
        members:
          alice: { name: Alice, roles: [team_lead] }
          bob: { name: Bob }
      rotations:
        dagmeister:
          name: DagMeister
          zone: Europe/Berlin
          shift: 2w
          handoff: { day: monday, time: "11:00" }
          anchor: 2026-11-02
          roster: [alice, bob]
          chat: telegram/alerts
      chats:
        telegram:
          token: ${TELEGRAM_BOT_TOKEN}
          chats:
            alerts: { chat_id: -100111 }
      airflow:
        prod: { url: https://airflow.example.com, api: v2, token: "${AIRFLOW_API_TOKEN}" }
        readonly: { url: https://ro.example.com, api: v1 }
      github:
        token: ${GITHUB_TOKEN}
        repo: acme/issues
      routes:
      """;

  @TempDir Path dir;
  private ConfigFixture fixture;

  @BeforeEach
  void setUp() {
    fixture = new ConfigFixture(dir);
  }

  // The example: pause needs the team lead, clear and mark-success on tokyo DAGs the
  // pipeline owner, rerun-failed nobody.
  @Test
  void routes_and_pipelines_read_what_they_allow_who_asks_and_who_approves()
      throws ConfigException {
    MeisterConfig config =
        fixture.load(
            BASE
                + """
                  - name: dags
                    match: { source: airflow }
                    rotation: dagmeister
                    airflow: prod
                    actions:
                      allow: [clear, mark-success, pause]
                      requesters: [members]
                      approval: { pause: team_lead }
                      expire_after: 45m
                  - name: builds
                    match: { source: github }
                    rotation: dagmeister
                    actions: { allow: [rerun-failed, cancel], requesters: [alice, level2] }
                pipelines:
                  - name: ohlcv-tokyo
                    dag: ohlcv_tokyo_daily
                    owners: { primary: bob, secondary: alice }
                    airflow: prod
                    actions:
                      allow: [clear, mark-success]
                      approval: { clear: pipeline_owner, mark-success: [pipeline_owner, alice] }
                """);

    ActionPolicy dags = config.actions().route("dags").orElseThrow();
    assertThat(dags.allowed())
        .containsExactly(ActionKind.CLEAR, ActionKind.MARK_SUCCESS, ActionKind.PAUSE);
    assertThat(dags.requesters()).containsExactly(ActionParty.Role.MEMBERS);
    assertThat(dags.approval())
        .isEqualTo(Map.of(ActionKind.PAUSE, List.of(ActionParty.Role.TEAM_LEAD)));
    assertThat(dags.expireAfter()).isEqualTo(Duration.ofMinutes(45));
    assertThat(dags.airflow()).contains("prod");
    ActionPolicy builds = config.actions().route("builds").orElseThrow();
    assertThat(builds.allowedOn(ActionKind.Side.GITHUB))
        .containsExactly(ActionKind.RERUN_FAILED, ActionKind.CANCEL);
    assertThat(builds.requesters())
        .containsExactly(new ActionParty.Person(MemberId.of("alice")), ActionParty.Role.LEVEL_2);
    assertThat(builds.approval()).isEmpty();
    assertThat(builds.expireAfter()).isEqualTo(ActionPolicy.DEFAULT_EXPIRY);
    ActionPolicy tokyo = config.actions().pipeline("ohlcv-tokyo").orElseThrow();
    assertThat(tokyo.approversOf(ActionKind.MARK_SUCCESS))
        .containsExactly(
            ActionParty.Role.PIPELINE_OWNER, new ActionParty.Person(MemberId.of("alice")));
    assertThat(tokyo.requesters()).containsExactly(ActionParty.Role.MEMBERS);
    assertThat(tokyo.airflow()).contains("prod");
  }

  @Test
  void without_actions_nothing_is_allowed() throws ConfigException {
    MeisterConfig config =
        fixture.load(
            BASE + "  - { name: dags, match: { source: airflow }, rotation: dagmeister }\n");

    assertThat(config.actions().routes()).isEmpty();
    assertThat(config.actions().pipelines()).isEmpty();
  }

  @Test
  void unknown_actions_roles_and_members_and_actions_of_the_wrong_side_are_located() {
    assertThat(
            fixture.problems(
                BASE
                    + """
                      - name: dags
                        match: { source: airflow }
                        rotation: dagmeister
                        airflow: prod
                        actions:
                          allow: [clear, frobnicate, rerun-failed]
                          requesters: [members, zed]
                          approval: { pause: team_lead, clear: [pipeline_owner, nobody] }
                      - name: builds
                        match: { source: github }
                        rotation: dagmeister
                        actions: { allow: [rerun], approval: { rerun: level3 }, expire_afer: 1h }
                    """))
        .containsExactly(
            "meister.yml:31: routes[0].actions.allow[1]: 'frobnicate' is not an action: clear,"
                + " clear-downstream, mark-success, retry-run, pause, unpause, rerun-failed,"
                + " rerun, cancel",
            "meister.yml:31: routes[0].actions.allow[2]: 'rerun-failed' is a GitHub Actions"
                + " action, but this route's alerts are Airflow tasks",
            "meister.yml:32: routes[0].actions.requesters[1]: 'zed' is neither a team member nor"
                + " one of members, team_lead, pipeline_owner, level2, on_call",
            "meister.yml:33: routes[0].actions.approval.pause: 'pause' needs approval but 'allow'"
                + " does not list it",
            "meister.yml:33: routes[0].actions.approval.clear[1]: 'nobody' is neither a team"
                + " member nor one of members, team_lead, pipeline_owner, level2, on_call",
            "meister.yml:37: routes[1].actions.expire_afer: unknown key 'expire_afer' (did you mean"
                + " 'expire_after'?)",
            "meister.yml:37: routes[1].actions.approval.rerun: 'level3' is neither a team member"
                + " nor one of members, team_lead, pipeline_owner, level2, on_call");
  }

  @Test
  void an_airflow_instance_without_write_credentials_is_a_located_problem() {
    assertThat(
            fixture.problems(
                BASE
                    + """
                      - name: dags
                        match: { source: airflow }
                        rotation: dagmeister
                        airflow: readonly
                        actions:
                          allow: [clear, pause]
                    """))
        .containsExactly(
            "meister.yml:31: routes[0].actions.allow: Airflow instance 'readonly' has no write"
                + " credentials (a token, or a username and password) for clear, pause");
  }

  @Test
  void airflow_actions_with_two_instances_and_none_named_ask_which_and_an_unknown_one_is_named() {
    assertThat(
            fixture.problems(
                BASE
                    + """
                      - name: dags
                        match: { source: airflow }
                        rotation: dagmeister
                        actions: { allow: [retry-run] }
                      - name: more
                        rotation: dagmeister
                        airflow: staging
                    """))
        .containsExactly(
            "meister.yml:29: routes[0].actions.allow: say which Airflow instance retry-run"
                + " change: add 'airflow' (prod, readonly)",
            "meister.yml:32: routes[1].airflow: no Airflow instance 'staging' in the airflow"
                + " section; there are: prod, readonly");
  }

  @Test
  void github_actions_need_a_github_token_and_a_pipeline_allows_only_airflow_actions() {
    assertThat(
            fixture.problems(
                BASE.replace("github:\n  token: ${GITHUB_TOKEN}\n  repo: acme/issues\n", "")
                    + """
                      - name: builds
                        match: { source: github }
                        rotation: dagmeister
                        actions: { allow: [rerun-failed] }
                    pipelines:
                      - name: tokyo
                        dag: ohlcv_tokyo_daily
                        owners: { primary: bob }
                        airflow: prod
                        actions: { allow: [cancel, clear] }
                    """))
        .containsExactly(
            "meister.yml:26: routes[0].actions.allow: GitHub Actions actions need a token: set"
                + " github.token (e.g. ${GITHUB_TOKEN})",
            "meister.yml:32: pipelines[0].actions.allow[0]: 'cancel' is a GitHub Actions action,"
                + " but this pipeline's alerts are Airflow tasks");
  }

  @Test
  void a_route_without_airflow_takes_the_only_instance() throws ConfigException {
    MeisterConfig config =
        fixture.load(
            BASE.replace("  readonly: { url: https://ro.example.com, api: v1 }\n", "")
                + "  - { name: dags, rotation: dagmeister, actions: { allow: [clear] } }\n");

    assertThat(config.actions().route("dags").orElseThrow().airflow())
        .isEqualTo(Optional.of("prod"));
  }
}
