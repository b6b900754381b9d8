package dev.meister.core.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meister.core.schedule.RotationId;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator.ReplaceUnderscores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayNameGeneration(ReplaceUnderscores.class)
class AlertFactoryTest {
  private static final Instant OCCURRED = Instant.parse("2026-11-20T03:05:00Z");
  private static final AlertFactory FACTORY =
      new AlertFactory(new TestTypes(Map.of("fast_tests.yml", "fast")));
  private static final RotationId BUILDMEISTER = RotationId.of("buildmeister");

  @Test
  void a_github_failure_becomes_a_build_alert() {
    RunEvent e = github("master", "1234");

    Alert alert = FACTORY.create(e, BUILDMEISTER, AlertPriority.NONE);

    assertThat(alert.id()).isNull();
    assertThat(alert.source()).isEqualTo(AlertSource.GITHUB_ACTIONS);
    assertThat(alert.dedupKey()).isEqualTo("github:72d3162e");
    assertThat(alert.title()).isEqualTo("Build fail - cmamp fast (1234)");
    assertThat(alert.fingerprint()).isEqualTo("gh:causify-ai/cmamp:fast_tests.yml");
    assertThat(alert.rotation()).isEqualTo(BUILDMEISTER);
    assertThat(alert.priority()).isEqualTo(AlertPriority.NONE);
    assertThat(alert.receivedAt()).isEqualTo(OCCURRED);
    GitHubRun run = alert.gitHubRun().orElseThrow();
    assertThat(run.testType()).contains("fast");
    assertThat(run.repo()).isEqualTo("causify-ai/cmamp");
    assertThat(run.withTestType("other")).isEqualTo(((GitHubRun) e.origin()).withTestType("other"));
  }

  @Test
  void builds_of_one_workflow_share_a_fingerprint_across_branches_and_runs() {
    Alert first = FACTORY.create(github("master", "1234"), null, AlertPriority.NONE);
    Alert second = FACTORY.create(github("feature-x", "1240"), null, AlertPriority.NONE);

    assertThat(second.fingerprint()).isEqualTo(first.fingerprint());
    assertThat(second.rotation()).isNull();
  }

  @Test
  void an_airflow_failure_becomes_a_dag_alert() {
    RunEvent e = airflow("2026-11-20T03:00:00+00:00", "ValueError: bad symbol 'XBT'\nTraceback...");

    Alert alert = FACTORY.create(e, RotationId.of("dagmeister"), AlertPriority.legacyHigh());

    assertThat(alert.title()).isEqualTo("DAG fail - bid_ask_1m.download (2026-11-20 03:00 UTC)");
    assertThat(alert.fingerprint()).isEqualTo("af:bid_ask_1m:download:ValueError:cf09b67de816");
    assertThat(alert.origin()).isEqualTo(e.origin());
    assertThat(alert.priority()).isEqualTo(AlertPriority.legacyHigh());
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "2026-11-20T05:30:00+02:00,        2026-11-20 03:30 UTC",
    "2026-11-20T03:00:00.123456Z,      2026-11-20 03:00 UTC",
    "2026-11-20 03:00:00+00:00,        2026-11-20 03:00 UTC",
    "yesterday,                        yesterday",
  })
  void the_title_shows_the_logical_date_in_utc(String logicalDate, String shown) {
    Alert alert = FACTORY.create(airflow(logicalDate, "x"), null, AlertPriority.NONE);

    assertThat(alert.title()).isEqualTo("DAG fail - bid_ask_1m.download (" + shown + ")");
  }

  @Test
  void timeouts_differing_only_in_numbers_and_times_share_a_fingerprint() {
    Alert first =
        FACTORY.create(
            airflow("x", "Timeout after 300s on 2026-11-20T03:00:00"), null, AlertPriority.NONE);
    Alert second =
        FACTORY.create(
            airflow("x", "Timeout after 301s on 2026-11-21T03:00:00"), null, AlertPriority.NONE);

    assertThat(first.fingerprint())
        .isEqualTo(second.fingerprint())
        .isEqualTo("af:bid_ask_1m:download:Error:033963c41a98");
  }

  @Test
  void different_exception_types_do_not_share_a_fingerprint() {
    Alert value = FACTORY.create(airflow("x", "ValueError: 'BTC'"), null, AlertPriority.NONE);
    Alert key = FACTORY.create(airflow("x", "KeyError: 'BTC'"), null, AlertPriority.NONE);

    assertThat(value.fingerprint()).startsWith("af:bid_ask_1m:download:ValueError:");
    assertThat(key.fingerprint()).startsWith("af:bid_ask_1m:download:KeyError:");
    assertThat(value.fingerprint().substring(value.fingerprint().lastIndexOf(':')))
        .isNotEqualTo(key.fingerprint().substring(key.fingerprint().lastIndexOf(':')));
  }

  private static RunEvent github(String branch, String runNumber) {
    GitHubRun run =
        GitHubRun.builder("causify-ai/cmamp")
            .branch(branch)
            .workflowName("Fast tests")
            .workflowPath(".github/workflows/fast_tests.yml")
            .runNumber(Integer.valueOf(runNumber))
            .build();
    return new RunEvent("github:72d3162e", Outcome.FAILED, OCCURRED, run);
  }

  private static RunEvent airflow(String logicalDate, String exception) {
    AirflowTask task =
        AirflowTask.builder("bid_ask_1m")
            .taskId("download")
            .logicalDate(logicalDate)
            .exception(exception)
            .build();
    return new RunEvent("airflow:9", Outcome.FAILED, OCCURRED, task);
  }
}
