package dev.meister.core.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.meister.core.chat.ChatRef;
import dev.meister.core.chat.Platform;
import dev.meister.core.schedule.RotationId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator.ReplaceUnderscores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayNameGeneration(ReplaceUnderscores.class)
class RoutingTest {
  private static final ChatRef ALERTS = ChatRef.of(Platform.SLACK, "C-ALERTS");
  private static final Route BUILDS =
      route("builds", source(AlertSource.GITHUB_ACTIONS), "buildmeister", PrioritySetting.NONE);
  private static final Route DAGS =
      route("dags", source(AlertSource.AIRFLOW), "dagmeister", PrioritySetting.NONE);
  private static final Route CATCH_ALL =
      route("everything", AlertMatch.anything(), "hausmeister", PrioritySetting.NONE);

  /** Seed 001's scale: "P4 Very high priority", "P3 High priority", "P2/P1 Medium/low". */
  private static final PriorityScale HAUSMEISTER =
      new PriorityScale(List.of("P4", "P3", "P2", "P1"));

  private static final Tag LEAD = Tag.teamLead();

  /**
   * Seed 000: "All the failures from region `tokyo` are of highest priority" and "If the break
   * happened in `tokyo` region for `bid_ask` or `OHLCV` DAGs ping the channel by tagging the team
   * leader".
   */
  private static final PriorityRules TOKYO =
      new PriorityRules(
          HAUSMEISTER,
          List.of(
              new PriorityRule("tokyo", tokyoDag("*"), PrioritySetting.level("P4")),
              new PriorityRule(
                  "tokyo bid/ask",
                  tokyoDag("bid_ask*"),
                  new PrioritySetting(Optional.empty(), List.of(LEAD))),
              new PriorityRule(
                  "tokyo ohlcv",
                  tokyoDag("ohlcv*"),
                  new PrioritySetting(Optional.empty(), List.of(LEAD)))));

  @Test
  void the_first_matching_route_wins() {
    var router = new Router(List.of(BUILDS, DAGS, CATCH_ALL));

    assertThat(router.route(Events.airflow("dag_id=x"))).contains(DAGS);
    assertThat(router.route(Events.github("repo=a/b"))).contains(BUILDS);
  }

  @Test
  void a_later_route_catches_what_earlier_ones_miss() {
    var router = new Router(List.of(BUILDS, CATCH_ALL));

    assertThat(router.route(Events.airflow("dag_id=x"))).contains(CATCH_ALL);
  }

  @Test
  void no_route_when_nothing_matches() {
    var router = new Router(List.of(BUILDS));

    assertThat(router.route(Events.airflow("dag_id=x"))).isEmpty();
  }

  // Seed 000: "All the failures from region `tokyo` are of highest priority"; "If the break
  // happened in `tokyo` region for `bid_ask` or `OHLCV` DAGs ping the channel by tagging the team
  // leader".
  @ParameterizedTest(name = "{0} {1} -> level {2}, tags lead {3}")
  @CsvSource({
    "tokyo,  bid_ask_1m,  P4, true",
    "tokyo,  OHLCV_daily, P4, true",
    "Tokyo,  ohlcv_1m,    P4, true",
    "tokyo,  other_dag,   P4, false",
    "london, bid_ask_1m,  '', false",
  })
  void every_tokyo_failure_is_the_highest_level_and_only_market_data_tags_the_lead(
      String region, String dag, String level, boolean tagsLead) {
    RunEvent e = Events.airflow("region=" + region, "dag_id=" + dag);

    AlertPriority p = TOKYO.priorityOf(e, Optional.of(DAGS));

    assertThat(p.level()).isEqualTo(Optional.of(level).filter(l -> !l.isEmpty()));
    assertThat(p.urgent()).isEqualTo(!level.isEmpty());
    assertThat(p.tags()).isEqualTo(tagsLead ? List.of(LEAD) : List.of());
  }

  // Seed 001: "P4 Very high priority: Stop everything and pull in other people" is the top of the
  // scale, so a P4 alert is urgent; a P3 one is not, on this scale.
  @Test
  void only_the_scales_highest_level_is_urgent() {
    Route p3 = route("p3", AlertMatch.anything(), "dagmeister", PrioritySetting.level("P3"));
    var none = new PriorityRules(HAUSMEISTER, List.of());

    AlertPriority p = none.priorityOf(Events.airflow("dag_id=x"), Optional.of(p3));

    assertThat(p.level()).contains("P3");
    assertThat(p.urgent()).isFalse();
    assertThat(p.ownMessage()).isFalse();
  }

  @Test
  void on_the_default_scale_p1_is_the_highest_level() {
    Route p1 = route("p1", AlertMatch.anything(), "dagmeister", PrioritySetting.level("P1"));
    var none = new PriorityRules(PriorityScale.DEFAULT, List.of());

    assertThat(none.priorityOf(Events.airflow("dag_id=x"), Optional.of(p1)).urgent()).isTrue();
  }

  @Test
  void a_rule_raises_the_routes_level_and_never_lowers_it() {
    Route p3 = route("p3", AlertMatch.anything(), "dagmeister", PrioritySetting.level("P3"));
    var lower =
        new PriorityRules(
            HAUSMEISTER,
            List.of(new PriorityRule("low", AlertMatch.anything(), PrioritySetting.level("P1"))));
    RunEvent tokyo = Events.airflow("region=tokyo", "dag_id=other");

    assertThat(TOKYO.priorityOf(tokyo, Optional.of(p3)).level()).contains("P4");
    assertThat(lower.priorityOf(tokyo, Optional.of(p3)).level()).contains("P3");
  }

  @Test
  void a_tag_without_a_level_mentions_people_but_is_not_urgent() {
    var tagOnly =
        new PriorityRules(
            HAUSMEISTER,
            List.of(
                new PriorityRule(
                    "lead",
                    AlertMatch.anything(),
                    new PrioritySetting(Optional.empty(), List.of(LEAD)))));

    AlertPriority p = tagOnly.priorityOf(Events.airflow("dag_id=x"), Optional.of(DAGS));

    assertThat(p.urgent()).isFalse();
    assertThat(p.ownMessage()).isTrue();
    assertThat(p.level()).isEmpty();
  }

  @Test
  void the_deprecated_priority_high_is_the_highest_level_and_tags_the_team_lead() {
    Route urgent =
        route(
            "urgent", AlertMatch.anything(), "dagmeister", PrioritySetting.legacyHigh(HAUSMEISTER));

    AlertPriority p =
        new PriorityRules(HAUSMEISTER, List.of())
            .priorityOf(Events.airflow("dag_id=other"), Optional.of(urgent));

    assertThat(p).isEqualTo(new AlertPriority(Optional.of("P4"), true, List.of(LEAD)));
  }

  @Test
  void an_unrouted_event_is_still_prioritised_by_the_rules() {
    RunEvent e = Events.airflow("region=tokyo", "dag_id=bid_ask_1m");

    assertThat(TOKYO.priorityOf(e, Optional.empty()).level()).contains("P4");
    assertThat(TOKYO.priorityOf(Events.airflow("dag_id=x"), Optional.empty()))
        .isEqualTo(AlertPriority.NONE);
  }

  @Test
  void a_rule_with_a_level_off_the_scale_is_refused() {
    var off = new PriorityRule("off", AlertMatch.anything(), PrioritySetting.level("P9"));

    assertThatIllegalArgumentException()
        .isThrownBy(() -> new PriorityRules(HAUSMEISTER, List.of(off)))
        .withMessage(
            "priority rule 'off' sets level 'P9', which is not on the scale (P4, P3, P2, P1)");
  }

  private static AlertMatch tokyoDag(String dag) {
    return new AlertMatch(
        AlertSource.AIRFLOW, null, null, null, Glob.of(dag), null, List.of(), Glob.of("tokyo"));
  }

  @Test
  void a_stored_alert_keeps_its_route_after_the_routes_criteria_are_edited() {
    var before = new Router(List.of(DAGS, CATCH_ALL));
    RunEvent failure = Events.airflow("dag_id=x");
    Route matched = before.route(failure).orElseThrow();
    Alert stored =
        new AlertFactory(new TestTypes(java.util.Map.of()))
            .create(failure, matched.rotation(), AlertPriority.NONE)
            .withRoute(matched.name());
    // The edit: the catch-all moves first, and "dags" now posts to another chat.
    Route movedDags =
        new Route(
            "dags",
            source(AlertSource.AIRFLOW),
            RotationId.of("dagmeister"),
            ChatRef.of(Platform.SLACK, "C-DAGS"),
            PrioritySetting.NONE);
    var after = new Router(List.of(CATCH_ALL, movedDags));

    assertThat(after.route(failure)).contains(CATCH_ALL);
    assertThat(after.routeOf(stored)).contains(movedDags);
  }

  @Test
  void a_stored_alert_whose_route_was_removed_or_that_matched_none_has_no_route() {
    RunEvent failure = Events.airflow("dag_id=x");
    Alert routed =
        new AlertFactory(new TestTypes(java.util.Map.of()))
            .create(failure, null, AlertPriority.NONE);
    var router = new Router(List.of(CATCH_ALL));

    assertThat(router.routeOf(routed.withRoute("dags"))).isEmpty();
    assertThat(router.routeOf(routed)).isEmpty();
  }

  private static AlertMatch source(AlertSource source) {
    return new AlertMatch(source, null, null, null, null, null, List.of(), null);
  }

  private static Route route(
      String name, AlertMatch match, String rotation, PrioritySetting priority) {
    return new Route(name, match, RotationId.of(rotation), ALERTS, priority);
  }
}
