package dev.meister.core.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator.ReplaceUnderscores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayNameGeneration(ReplaceUnderscores.class)
class AlertMatchTest {
  private static final RunEvent BUILD =
      Events.github(
          "repo=causify-ai/cmamp",
          "workflow_name=Fast tests",
          "workflow_path=.github/workflows/fast_tests.yml",
          "branch=master");
  private static final RunEvent TASK =
      Events.airflow(
          "dag_id=bid_ask_1m", "task_id=download", "tags=prod, Tokyo ,crypto", "region=tokyo");

  @ParameterizedTest(name = "{0}={1} on {2} -> {3}")
  @CsvSource({
    "source,   GITHUB_ACTIONS,               build, true",
    "source,   AIRFLOW,                      build, false",
    "source,   AIRFLOW,                      task,  true",
    "repo,     causify-ai/*,                 build, true",
    "repo,     causify-ai/helpers,           build, false",
    "repo,     *,                            task,  false",
    "workflow, fast tests,                   build, true",
    "workflow, fast_tests.yml,               build, true",
    "workflow, .github/workflows/fast_*.yml, build, true",
    "workflow, slow_tests.yml,               build, false",
    "workflow, *,                            task,  false",
    "branch,   master,                       build, true",
    "branch,   main,                         build, false",
    "branch,   *,                            task,  false",
    "dag,      bid_ask*,                     task,  true",
    "dag,      ohlcv*,                       task,  false",
    "dag,      *,                            build, false",
    "task,     down*,                        task,  true",
    "task,     upload,                       task,  false",
    "task,     *,                            build, false",
    "tags,     tokyo,                        task,  true",
    "tags,     PROD;crypto,                  task,  true",
    "tags,     prod;london,                  task,  false",
    "tags,     prod,                         build, false",
    "region,   TOKYO,                        task,  true",
    "region,   london,                       task,  false",
    "region,   *,                            build, false",
  })
  void each_criterion_matches_its_attribute(
      String criterion, String value, String event, boolean expected) {
    AlertMatch match = only(criterion, value);

    assertThat(match.matches(event.equals("build") ? BUILD : TASK)).isEqualTo(expected);
  }

  @Test
  void anything_matches_every_event() {
    assertThat(AlertMatch.anything().matches(BUILD)).isTrue();
    assertThat(AlertMatch.anything().matches(TASK)).isTrue();
  }

  @Test
  void every_criterion_given_must_match() {
    var match =
        new AlertMatch(
            AlertSource.AIRFLOW,
            null,
            null,
            null,
            Glob.of("bid_ask*"),
            null,
            List.of(),
            Glob.of("london"));

    assertThat(match.matches(TASK)).isFalse();
  }

  private static AlertMatch only(String criterion, String value) {
    Glob g = Glob.of(value);
    return new AlertMatch(
        criterion.equals("source") ? AlertSource.valueOf(value) : null,
        when(criterion, "repo", g),
        when(criterion, "workflow", g),
        when(criterion, "branch", g),
        when(criterion, "dag", g),
        when(criterion, "task", g),
        criterion.equals("tags") ? Arrays.asList(value.split(";")) : List.of(),
        when(criterion, "region", g));
  }

  private static @Nullable Glob when(String criterion, String name, Glob glob) {
    return criterion.equals(name) ? glob : null;
  }
}
