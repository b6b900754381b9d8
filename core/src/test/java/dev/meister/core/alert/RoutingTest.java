package dev.meister.core.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meister.core.chat.ChatRef;
import dev.meister.core.chat.Platform;
import dev.meister.core.schedule.RotationId;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator.ReplaceUnderscores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayNameGeneration(ReplaceUnderscores.class)
class RoutingTest {
  private static final ChatRef ALERTS = ChatRef.of(Platform.SLACK, "C-ALERTS");
  private static final Route BUILDS =
      route("builds", source(AlertSource.GITHUB_ACTIONS), "buildmeister", null);
  private static final Route DAGS = route("dags", source(AlertSource.AIRFLOW), "dagmeister", null);
  private static final Route CATCH_ALL =
      route("everything", AlertMatch.anything(), "hausmeister", null);
  private static final PriorityRules TOKYO_MARKET_DATA =
      new PriorityRules(
          List.of(
              new PriorityRule("tokyo bid/ask", tokyoDag("bid_ask*"), Priority.HIGH),
              new PriorityRule("tokyo ohlcv", tokyoDag("ohlcv*"), Priority.HIGH)));

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

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource({
    "tokyo,  bid_ask_1m,  HIGH",
    "tokyo,  OHLCV_daily, HIGH",
    "Tokyo,  ohlcv_1m,    HIGH",
    "london, bid_ask_1m,  NORMAL",
    "tokyo,  other_dag,   NORMAL",
  })
  void tokyo_market_data_dags_are_top_priority(String region, String dag, Priority expected) {
    RunEvent e = Events.airflow("region=" + region, "dag_id=" + dag);

    assertThat(TOKYO_MARKET_DATA.priorityOf(e, DAGS)).isEqualTo(expected);
  }

  @Test
  void a_high_route_makes_every_alert_on_it_high() {
    Route urgent = route("urgent", AlertMatch.anything(), "dagmeister", Priority.HIGH);

    assertThat(TOKYO_MARKET_DATA.priorityOf(Events.airflow("dag_id=other"), urgent))
        .isEqualTo(Priority.HIGH);
  }

  @Test
  void an_unrouted_event_is_still_prioritised_by_the_rules() {
    RunEvent e = Events.airflow("region=tokyo", "dag_id=bid_ask_1m");

    assertThat(TOKYO_MARKET_DATA.priorityOf(e, null)).isEqualTo(Priority.HIGH);
    assertThat(TOKYO_MARKET_DATA.priorityOf(Events.airflow("dag_id=x"), null))
        .isEqualTo(Priority.NORMAL);
  }

  @Test
  void a_normal_rule_does_not_raise_priority() {
    var rules =
        new PriorityRules(List.of(new PriorityRule("all", AlertMatch.anything(), Priority.NORMAL)));

    assertThat(rules.priorityOf(Events.airflow("dag_id=x"), BUILDS)).isEqualTo(Priority.NORMAL);
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
            .create(failure, matched.rotation(), Priority.NORMAL)
            .withRoute(matched.name());
    // The edit: the catch-all moves first, and "dags" now posts to another chat.
    Route movedDags =
        new Route(
            "dags",
            source(AlertSource.AIRFLOW),
            RotationId.of("dagmeister"),
            ChatRef.of(Platform.SLACK, "C-DAGS"),
            null);
    var after = new Router(List.of(CATCH_ALL, movedDags));

    assertThat(after.route(failure)).contains(CATCH_ALL);
    assertThat(after.routeOf(stored)).contains(movedDags);
  }

  @Test
  void a_stored_alert_whose_route_was_removed_or_that_matched_none_has_no_route() {
    RunEvent failure = Events.airflow("dag_id=x");
    Alert routed =
        new AlertFactory(new TestTypes(java.util.Map.of())).create(failure, null, Priority.NORMAL);
    var router = new Router(List.of(CATCH_ALL));

    assertThat(router.routeOf(routed.withRoute("dags"))).isEmpty();
    assertThat(router.routeOf(routed)).isEmpty();
  }

  private static AlertMatch source(AlertSource source) {
    return new AlertMatch(source, null, null, null, null, null, List.of(), null);
  }

  private static Route route(
      String name, AlertMatch match, String rotation, @Nullable Priority priority) {
    return new Route(name, match, RotationId.of(rotation), ALERTS, priority);
  }
}
