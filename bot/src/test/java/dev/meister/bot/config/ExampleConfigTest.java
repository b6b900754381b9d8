package dev.meister.bot.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meister.core.alert.AlertSource;
import dev.meister.core.alert.PrioritySetting;
import dev.meister.core.alert.Tag;
import dev.meister.core.chat.ChatRef;
import dev.meister.core.chat.Platform;
import dev.meister.core.filing.FilingRule;
import dev.meister.core.handoff.EpicRef;
import dev.meister.core.schedule.Position;
import dev.meister.core.schedule.Roster;
import dev.meister.core.schedule.Rotation;
import dev.meister.core.schedule.RotationId;
import dev.meister.core.schedule.ShiftLength;
import dev.meister.core.schedule.WeeklyWindow;
import dev.meister.core.team.MemberId;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator.ReplaceUnderscores;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(ReplaceUnderscores.class)
class ExampleConfigTest {
  /** Surefire runs in the module directory; the example lives at the repository root. */
  private static final Path EXAMPLE = Path.of("..", "examples", "meister.yml");

  private static final Map<String, String> ENV =
      Map.of(
          "TELEGRAM_BOT_TOKEN", "123:tg-secret",
          "SLACK_BOT_TOKEN", "xoxb-slack-secret",
          "SLACK_APP_TOKEN", "xapp-slack-secret",
          "GITHUB_WEBHOOK_SECRET", "gh-hook-secret",
          "AIRFLOW_WEBHOOK_TOKEN", "af-token",
          "GITHUB_TOKEN", "gh-api-token",
          "AIRFLOW_API_TOKEN", "af-api-token");

  private static MeisterConfig example() throws ConfigException {
    return new ConfigLoader(Map.of()).load(EXAMPLE, SecretPolicy.OPTIONAL);
  }

  @Test
  void the_example_loads_with_optional_secrets_and_yields_four_rotations_in_file_order()
      throws ConfigException {
    MeisterConfig config = example();

    assertThat(config.rotations())
        .extracting(r -> r.id().value())
        .containsExactly("dagmeister", "buildmeister", "hausmeister", "de-standby");
    assertThat(config.chats().telegramConfig().orElseThrow().token().isPresent()).isFalse();
  }

  // Seed 004: "One person from DE team will be standby each week including weekends. Regular
  // schedule: week 1: Danny, week 2: Anna, week 3: Laura, week 4: Jane".
  @Test
  void the_de_standby_is_a_weekly_rotation_of_danny_anna_laura_and_jane_with_weekends()
      throws ConfigException {
    Rotation de = example().rotation(RotationId.of("de-standby")).orElseThrow();

    assertThat(de.shiftLength()).isEqualTo(ShiftLength.weeks(1));
    assertThat(de.primary()).isEqualTo(Roster.of("danny", "anna", "laura", "jane"));
    assertThat(de.weekendLayer()).isEmpty();
  }

  // Seed 004's four runbooks: Profit, Growth, Engagement, Aggregate data for investors.
  @Test
  void the_four_pipelines_of_seed_004_have_their_owners_schedules_slas_and_on_call()
      throws ConfigException {
    var pipelines = example().duties().pipelines();

    assertThat(pipelines)
        .extracting(dev.meister.core.pipeline.Pipeline::name)
        .startsWith("Profit", "Growth", "Engagement", "Aggregate data for investors");
    assertThat(pipelines.get(0).onCall())
        .isInstanceOf(dev.meister.core.pipeline.OnCallPolicy.DuringWorkHours.class);
    assertThat(pipelines.get(0).upstream())
        .containsExactly(new dev.meister.core.pipeline.Party.Named("Account team"));
    assertThat(pipelines.get(1).fixDeadline()).isPresent();
    assertThat(pipelines.get(3).onCall())
        .isInstanceOf(dev.meister.core.pipeline.OnCallPolicy.NoOnCall.class);
    assertThat(pipelines.get(3).deadline()).isEmpty();
  }

  @Test
  void dagmeister_hands_off_every_two_weeks_on_monday_at_eleven_in_berlin() throws ConfigException {
    Rotation dag = example().rotation(RotationId.of("dagmeister")).orElseThrow();

    assertThat(dag.displayName()).isEqualTo("DagMeister");
    assertThat(dag.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
    assertThat(dag.shiftLength()).isEqualTo(ShiftLength.weeks(2));
    assertThat(dag.handoff().day()).isEqualTo(DayOfWeek.MONDAY);
    assertThat(dag.handoff().time()).isEqualTo(LocalTime.of(11, 0));
    assertThat(dag.primary()).isEqualTo(Roster.of("alice", "bob", "carol", "dave"));
    assertThat(dag.secondaryRoster()).isEmpty();
    assertThat(dag.weekendLayer()).isEmpty();
  }

  @Test
  void hausmeister_has_a_secondary_and_a_friday_to_monday_weekend_layer() throws ConfigException {
    Rotation haus = example().rotation(RotationId.of("hausmeister")).orElseThrow();

    assertThat(haus.shiftLength()).isEqualTo(ShiftLength.weeks(1));
    assertThat(haus.secondaryRoster()).contains(Roster.of("erin", "grace"));
    assertThat(haus.weekendLayer().orElseThrow().window())
        .isEqualTo(
            new WeeklyWindow(
                DayOfWeek.FRIDAY, LocalTime.of(17, 0), DayOfWeek.MONDAY, LocalTime.of(11, 0)));
    assertThat(haus.weekendLayer().orElseThrow().roster())
        .isEqualTo(Roster.of("bob", "dave", "frank"));
  }

  @Test
  void rotations_post_to_their_named_chats_including_a_forum_topic() throws ConfigException {
    MeisterConfig config = example();

    assertThat(config.chatOf(RotationId.of("dagmeister")).orElseThrow().ref())
        .isEqualTo(ChatRef.of(Platform.TELEGRAM, "-1001234567890"));
    assertThat(config.chatOf(RotationId.of("buildmeister")).orElseThrow().ref())
        .isEqualTo(new ChatRef(Platform.TELEGRAM, "-1009876543210", "42"));
    assertThat(config.chatOf(RotationId.of("hausmeister")).orElseThrow().ref())
        .isEqualTo(ChatRef.of(Platform.SLACK, "C0123ABC"));
  }

  @Test
  void the_team_has_eleven_members_with_seed_004s_data_engineers_led_by_alice()
      throws ConfigException {
    MeisterConfig config = example();

    assertThat(config.team().members()).hasSize(11);
    assertThat(config.team().teamLeads()).extracting(m -> m.id().value()).containsExactly("alice");
  }

  // Issue #14's example: pause needs the team lead, clear/mark-success on tokyo DAGs the pipeline
  // owner, rerun-failed nobody.
  @Test
  void the_runbook_actions_follow_the_issues_example() throws ConfigException {
    MeisterConfig config = example();

    var tokyo = config.actions().route("tokyo-dags").orElseThrow();
    assertThat(tokyo.approversOf(dev.meister.core.action.ActionKind.CLEAR))
        .containsExactly(dev.meister.core.action.ActionParty.Role.PIPELINE_OWNER);
    assertThat(tokyo.approversOf(dev.meister.core.action.ActionKind.MARK_SUCCESS))
        .containsExactly(dev.meister.core.action.ActionParty.Role.PIPELINE_OWNER);
    assertThat(tokyo.approversOf(dev.meister.core.action.ActionKind.PAUSE))
        .containsExactly(dev.meister.core.action.ActionParty.Role.TEAM_LEAD);
    assertThat(config.actions().route("airflow-dags").orElseThrow().approval())
        .containsOnlyKeys(dev.meister.core.action.ActionKind.PAUSE);
    assertThat(config.actions().route("cmamp-fast-tests").orElseThrow().approval()).isEmpty();
    assertThat(config.actions().route("cmamp-fast-tests").orElseThrow().allowed())
        .contains(dev.meister.core.action.ActionKind.RERUN_FAILED);
    assertThat(config.actions().pipelines()).containsOnlyKeys("ohlcv-tokyo");
    assertThat(config.actions().route("everything-else")).isEmpty();
  }

  @Test
  void routes_priority_rules_and_test_types_are_read_in_file_order() throws ConfigException {
    MeisterConfig config = example();

    assertThat(config.routes())
        .extracting(RouteConfig::name)
        .containsExactly(
            "de-pipelines",
            "tokyo-dags",
            "airflow-dags",
            "cmamp-fast-tests",
            "cmamp-slow-tests",
            "dev-tools-fast-tests",
            "dev-tools-slow-tests",
            "everything-else");
    assertThat(config.routes().get(3).match().source()).isEqualTo(AlertSource.GITHUB_ACTIONS);
    assertThat(config.routes().get(3).match().repo()).isEqualTo("cryptokaizen/cmamp");
    assertThat(config.routes().get(7).match().isCatchAll()).isTrue();
    // Seed 000: "All the failures from region `tokyo` are of highest priority"; only "for
    // `bid_ask` or `OHLCV` DAGs ping the channel by tagging the team leader".
    assertThat(config.priorities().levels()).containsExactly("P4", "P3", "P2", "P1");
    assertThat(config.priorityRules())
        .extracting(PriorityRule::setting)
        .containsExactly(
            PrioritySetting.level("P4"),
            new PrioritySetting(Optional.empty(), List.of(Tag.teamLead())),
            new PrioritySetting(Optional.empty(), List.of(Tag.teamLead())));
    assertThat(config.priorityRules())
        .allSatisfy(r -> assertThat(r.match().region()).isEqualTo("tokyo"));
    assertThat(config.priorityRules().get(1).match().dag()).isEqualTo("bid_ask*");
    assertThat(config.priorityRules().get(2).match().dag()).isEqualTo("ohlcv*");
    assertThat(config.testTypes().typeOf(".github/workflows/slow_tests.yml", "Slow tests"))
        .contains("slow");
  }

  @Test
  void the_override_is_read_in_the_rotations_zone() throws ConfigException {
    MeisterConfig config = example();

    assertThat(config.overrides())
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.position()).isEqualTo(Position.PRIMARY);
              assertThat(o.coveringMember()).isEqualTo(MemberId.of("bob"));
              assertThat(o.start()).isEqualTo(Instant.parse("2026-12-21T10:00:00Z"));
            });
    assertThat(config.unavailability())
        .singleElement()
        .satisfies(u -> assertThat(u.coveredBy()).isEqualTo(MemberId.of("dave")));
  }

  @Test
  void the_example_loads_with_required_secrets_when_the_variables_are_set() throws ConfigException {
    MeisterConfig config = new ConfigLoader(ENV).load(EXAMPLE, SecretPolicy.REQUIRED);

    assertThat(config.chats().telegramConfig().orElseThrow().token().reveal())
        .isEqualTo("123:tg-secret");
    assertThat(config.chats().slackConfig().orElseThrow().appToken().reveal())
        .isEqualTo("xapp-slack-secret");
    assertThat(config.chats().discordConfig().orElseThrow().enabled()).isFalse();
    assertThat(config.server().githubSecret().reveal()).isEqualTo("gh-hook-secret");
    assertThat(config.server().airflowToken().reveal()).isEqualTo("af-token");
    assertThat(java.util.Objects.requireNonNull(config.airflow().get("prod")).token().reveal())
        .isEqualTo("af-api-token");
  }

  @Test
  void the_example_status_post_has_the_five_stages_of_the_issue() throws ConfigException {
    StatusPostConfig post = example().statusPosts().get(0);

    assertThat(post.plan().board().stages())
        .extracting(s -> s.name())
        .containsExactly(
            "Contracts",
            "Financial Reports",
            "Facts and Dimensions",
            "Models and Policies",
            "Other datasets");
    assertThat(post.plan().board().stages().get(2).load())
        .extracting(Object::toString)
        .containsExactly("capivara-dm");
    // Seed 001: "Everyday the hausmeister needs to post the run status ... This is posted to the
    // slack channel #data-announcements".
    assertThat(post.plan().chats()).containsExactly(ChatRef.of(Platform.SLACK, "C20GTK220"));
    assertThat(post.scheduleIfAny().orElseThrow().quartz()).isEqualTo("0 0 7 * * ?");
  }

  // Seed 001's table: "*Contracts* | itaipu-contracts", "*Financial Reports* | finance", "*Facts
  // and Dimensions* | itaipu-dimensional-modeling (calculated) & capivara-dm (loaded)", "*Models
  // and Policies* | itaipu-policies", "*Other datasets* | itaipu-rest".
  @Test
  void the_example_status_post_reads_seed_001s_dag_nodes_from_prod_dagao() throws ConfigException {
    StatusPostConfig post = example().statusPosts().get(0);

    assertThat(post.plan().board().dagId()).isEqualTo("prod-dagao");
    assertThat(post.plan().board().stages())
        .extracting(s -> s.calculate().toString())
        .containsExactly(
            "[itaipu-contracts]",
            "[finance]",
            "[itaipu-dimensional-modeling]",
            "[itaipu-policies]",
            "[itaipu-rest]");
  }

  // Seed 002: "Testing workflows that need to be checked: cmamp: Fast tests, Slow tests;
  // dev_tools: Fast tests, Slow tests" (cryptokaizen/cmamp and alphamatic/dev_tools).
  @Test
  void cmamp_and_dev_tools_fast_and_slow_tests_go_to_the_buildmeister() throws ConfigException {
    MeisterConfig config = example();

    assertThat(config.routes())
        .filteredOn(r -> r.match().source() == AlertSource.GITHUB_ACTIONS)
        .allSatisfy(r -> assertThat(r.rotationId()).contains(RotationId.of("buildmeister")))
        .extracting(r -> r.match().repo() + " " + r.match().workflow())
        .containsExactly(
            "cryptokaizen/cmamp fast_tests.yml",
            "cryptokaizen/cmamp slow_tests.yml",
            "alphamatic/dev_tools fast_tests.yml",
            "alphamatic/dev_tools slow_tests.yml");
  }

  // Seed 000: "All issues should come under single epic #8785" and "Transfer the assignee of #8785
  // to new DagMeister"; seed 002: "Add the issue to the BUILD - Breaks Epic".
  @Test
  void dagmeister_issues_go_under_epic_8785_whose_assignee_follows_the_hand_off()
      throws ConfigException {
    MeisterConfig config = example();

    assertThat(config.github().ruleFor(RotationId.of("dagmeister")).epic()).isEqualTo(8785);
    assertThat(config.github().ruleFor(RotationId.of("dagmeister")).repo())
        .isEqualTo("cryptokaizen/cmamp");
    assertThat(config.duties().epics())
        .containsEntry(RotationId.of("dagmeister"), new EpicRef("cryptokaizen", "cmamp", 8785));
    assertThat(config.github().ruleFor(RotationId.of("buildmeister")).epic()).isEqualTo(167);
  }

  // Seed 001: "create an itaipu issue tagged with `bug` and `data-infra` and a priority".
  @Test
  void hausmeister_issues_are_itaipu_issues_labelled_bug_and_data_infra() throws ConfigException {
    FilingRule rule = example().github().ruleFor(RotationId.of("hausmeister"));

    assertThat(rule.repo()).isEqualTo("nubank/itaipu");
    assertThat(rule.labels()).containsExactly("bug", "data-infra");
    assertThat(rule.priority()).isEqualTo("P3");
  }

  // Seed 001: "There should always be a secondary engineer ... This is the first person the
  // hausmeister can elevate an issue to": an unacknowledged alert reaches the Level 2.
  @Test
  void the_hausmeisters_route_escalates_to_level_2_when_nobody_acknowledges()
      throws ConfigException {
    MeisterConfig config = example();

    assertThat(config.routes())
        .filteredOn(r -> r.name().equals("everything-else"))
        .singleElement()
        .satisfies(r -> assertThat(r.rotationId()).contains(RotationId.of("hausmeister")));
    assertThat(config.duties().ackTimeout("everything-else")).contains(Duration.ofMinutes(30));
    assertThat(config.rotation(RotationId.of("hausmeister")).orElseThrow().secondaryRoster())
        .isPresent();
  }

  @Test
  void with_required_secrets_every_unset_variable_of_an_enabled_adapter_is_reported() {
    List<String> messages = new ArrayList<>();
    try {
      new ConfigLoader(Map.of()).load(EXAMPLE, SecretPolicy.REQUIRED);
    } catch (ConfigException e) {
      e.problems().forEach(p -> messages.add(p.path() + ": " + p.message()));
    }

    assertThat(messages)
        .containsExactly(
            "chats.telegram.token: environment variable TELEGRAM_BOT_TOKEN is not set",
            "chats.slack.bot_token: environment variable SLACK_BOT_TOKEN is not set",
            "chats.slack.app_token: environment variable SLACK_APP_TOKEN is not set",
            "server.github_secret: environment variable GITHUB_WEBHOOK_SECRET is not set",
            "server.airflow_token: environment variable AIRFLOW_WEBHOOK_TOKEN is not set",
            "airflow.prod.token: environment variable AIRFLOW_API_TOKEN is not set");
  }

  // Seed 002: "`update_amp_submodule` fails - When this happens, the first thing to do is attempt
  // to update the `amp` pointer manually ... There is also an invoke target
  // `git_roll_amp_forward`".
  @Test
  void the_update_amp_submodule_instructions_of_seed_002_are_a_build_hint() throws ConfigException {
    var hints = example().buildHints();

    assertThat(hints).hasSize(1);
    var hint = hints.get(0);
    assertThat(
            hint.matchesAlert(
                dev.meister.core.alert.GitHubRun.builder("alphamatic/dev_tools")
                    .workflowPath(".github/workflows/update_amp_submodule.yml")
                    .build()))
        .isTrue();
    assertThat(hint.advice())
        .contains("update the amp pointer manually")
        .contains("git pull --recurse-submodules")
        .contains("git commit -m \"Update amp pointer\"")
        .contains("git_roll_amp_forward");
    assertThat(hint.runbook()).isPresent();
  }

  // Seed 004: "Need to have 30 mins meeting for on-call transition."
  @Test
  void every_rotation_is_reminded_a_day_before_and_the_de_standby_asks_for_the_30_min_meeting()
      throws ConfigException {
    var reminders = example().shiftReminders();

    assertThat(reminders)
        .extracting(r -> r.rotation().value())
        .containsExactlyInAnyOrder("hausmeister", "buildmeister", "dagmeister", "de-standby");
    assertThat(reminders)
        .allSatisfy(r -> assertThat(r.before()).isEqualTo(java.time.Duration.ofDays(1)));
    assertThat(reminders).allSatisfy(r -> assertThat(r.handshake()).isTrue());
    assertThat(reminders.stream().filter(r -> r.meeting().isPresent()))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.rotation().value()).isEqualTo("de-standby");
              assertThat(r.meeting()).contains(java.time.Duration.ofMinutes(30));
            });
  }
}
