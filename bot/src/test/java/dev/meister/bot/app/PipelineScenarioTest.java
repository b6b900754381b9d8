package dev.meister.bot.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meister.bot.airflow.FakeAirflow;
import dev.meister.core.alert.AirflowTask;
import dev.meister.core.alert.Outcome;
import dev.meister.core.alert.RunEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pipelines: SLA checks against a fake Airflow 3 API on loopback, and hints on their alerts. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PipelineScenarioTest {
  private static final Instant NIGHT = Instant.parse("2026-11-23T02:30:00Z");
  private static final Duration MINUTE = Duration.ofMinutes(1);

  @TempDir Path dir;
  private FakeAirflow airflow;
  private DutyBot bot;

  @BeforeEach
  void start() throws Exception {
    airflow = FakeAirflow.v2Running();
    bot =
        new DutyBot(
            dir,
            HandoffScenarioTest.TEAM
                + """
        rotations:
          dagmeister:
            name: DagMeister
            zone: Europe/Berlin
            shift: 2w
            handoff: { day: monday, time: "11:00" }
            anchor: 2026-11-02
            roster: [alice, bob, carol]
            chat: telegram/data-alerts
        airflow:
          prod:
            url: %s
            api: v2
            token: ${AIRFLOW_API_TOKEN}
        routes:
          - name: dags
            match: { source: airflow }
            rotation: dagmeister
        pipelines:
          - name: dagao
            description: The warehouse load
            dag: prod-dagao
            owners: { primary: dave, secondary: carol }
            schedule: daily 02:00 UTC
            sla: "03:00 UTC"
            upstream: [alice]
            downstream: [bob]
            hints:
              - { pattern: NullPointerException, hint: check upstream for a missing required column }
              - { pattern: zero rows, hint: check the Kafka topics }
              - { pattern: "OOM|OutOfMemory", hint: check partitions for data skew }
            runbooks: [https://wiki.example.com/dagao]
        """
                    .formatted(airflow.url()),
            NIGHT,
            Map.of("AIRFLOW_API_TOKEN", "af-token"));
  }

  @AfterEach
  void stop() {
    bot.close();
    airflow.close();
  }

  @Test
  void a_dag_still_running_at_its_sla_is_reported_once_with_its_owners() {
    bot.advance(Duration.ofMinutes(30).minus(MINUTE), MINUTE);
    assertThat(airflow.requests()).isEmpty();

    bot.advance(Duration.ofMinutes(30), MINUTE);

    assertThat(bot.chat.texts())
        .containsExactly(
            ":hourglass: SLA missed: dagao (DAG prod-dagao)"
                + " should have its data by 03:00 UTC; today's run"
                + " scheduled__2026-11-23T02:00:00+00:00 is running.\nOwners: @dave, @carol."
                + " Downstream: @bob. Runbook");
    assertThat(airflow.requests())
        .containsExactly(
            "GET /api/v2/dags/prod-dagao/dagRuns?order_by=-run_after&limit=100&offset=0");
    assertThat(airflow.authorizations()).containsExactly("Bearer af-token");
  }

  // Seed 004: "The data should be updated by 3:00 AM UTC" - today's run, checked once a deadline.
  // This test used to advance a whole day with the same run as the latest and expect silence: it
  // locked in yesterday's success passing today's deadline. Today's run is now required.
  @Test
  void a_successful_run_meets_the_sla_silently_and_each_deadline_is_checked_once()
      throws Exception {
    airflow.latestRunIs("success");

    bot.advance(Duration.ofHours(2), MINUTE);
    bot.restart();
    bot.advance(Duration.ofHours(20), Duration.ofMinutes(10));

    assertThat(bot.chat.texts()).noneMatch(t -> t.contains("SLA"));
    assertThat(airflow.requests()).hasSize(1);
  }

  // Seed 004: "The data should be updated by 3:00 AM UTC" means today's run succeeded by 3:00.
  @Test
  void the_next_day_without_its_own_run_is_missed_although_the_day_before_succeeded()
      throws Exception {
    airflow.latestRunIs("success");
    bot.advance(Duration.ofHours(2), MINUTE);
    bot.restart();

    bot.advance(Duration.ofDays(1), Duration.ofMinutes(10));

    assertThat(bot.chat.texts())
        .containsExactly(
            ":hourglass: SLA missed: dagao (DAG prod-dagao) should have its data by 03:00 UTC;"
                + " no run since scheduled__2026-11-23T02:00:00+00:00 (success):"
                + " the run due at 2026-11-24 02:00 UTC has not started.\nOwners: @dave, @carol."
                + " Downstream: @bob. Runbook");
  }

  // Seed 004: "The data should be updated by 3:00 AM UTC": today's run never started.
  @Test
  void todays_run_never_started_is_missed_although_yesterdays_succeeded() {
    airflow.latestRunDueAt("2026-11-22T02:00:00Z", "success");

    bot.advance(Duration.ofMinutes(31), MINUTE);

    assertThat(bot.chat.texts())
        .containsExactly(
            ":hourglass: SLA missed: dagao (DAG prod-dagao) should have its data by 03:00 UTC;"
                + " no run since scheduled__2026-11-22T02:00:00+00:00 (success):"
                + " the run due at 2026-11-23 02:00 UTC has not started.\nOwners: @dave, @carol."
                + " Downstream: @bob. Runbook");
  }

  @Test
  void an_unreachable_airflow_is_retried_and_then_reported() {
    airflow.answer(503);

    bot.advance(Duration.ofMinutes(50), Duration.ofMinutes(5));
    assertThat(bot.chat.texts()).isEmpty();
    bot.advance(Duration.ofMinutes(40), Duration.ofMinutes(5));

    assertThat(bot.chat.texts())
        .singleElement()
        .asString()
        .startsWith(":warning: Could not check the SLA of dagao (DAG prod-dagao, due 03:00 UTC):")
        .endsWith("Owners: @dave, @carol. Downstream: @bob. Runbook");
    assertThat(airflow.requests().size()).isGreaterThan(5);
  }

  @Test
  void an_alert_of_the_pipeline_shows_its_owners_and_the_matching_hints_also_after_the_ack() {
    bot.runtime()
        .intake()
        .accept(
            new RunEvent(
                "airflow:1",
                Outcome.FAILED,
                NIGHT,
                AirflowTask.builder("prod-dagao")
                    .taskId("finance")
                    .exception("java.lang.NullPointerException: column 'price' is null")
                    .build()));
    bot.runtime().worker().deliverDue();

    String posted = bot.chat.texts().get(0);
    assertThat(posted)
        .contains(
            "Pipeline dagao (The warehouse load; daily 02:00 UTC): owner"
                + " @dave, secondary @carol; upstream @alice;"
                + " downstream @bob\n💡 check upstream for a missing required column\nRunbook");
    assertThat(posted).doesNotContain("Kafka").doesNotContain("skew");

    bot.say("dave", "/ack 1");
    assertThat(bot.chat.texts())
        .anyMatch(
            t ->
                t.startsWith("(edit)")
                    && t.contains("💡 check upstream for a missing required column"));
  }
}
