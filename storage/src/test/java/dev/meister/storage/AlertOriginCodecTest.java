package dev.meister.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meister.core.alert.AirflowTask;
import dev.meister.core.alert.Alert;
import dev.meister.core.alert.AlertOrigin;
import dev.meister.core.alert.AlertPriority;
import dev.meister.core.alert.GitHubRun;
import dev.meister.core.alert.Tag;
import dev.meister.core.chat.AlertId;
import dev.meister.core.schedule.RotationId;
import dev.meister.core.team.MemberId;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class AlertOriginCodecTest extends StorageTestBase {
  private static final GitHubRun FULL_RUN =
      GitHubRun.builder("acme/widgets")
          .runId(9_876_543_210L)
          .job("unit (3.12)")
          .branch("master")
          .event("push")
          .workflowName("Fast tests")
          .workflowPath(".github/workflows/fast_tests.yml")
          .runNumber(1234)
          .runAttempt(2)
          .runUrl("https://github.com/acme/widgets/actions/runs/1")
          .headSha("6113728f27ae82c7b1a177c8d03f9e96e0adf246")
          .actor("dana")
          .commitAuthor("Dana Doe")
          .commitMessage("Fix the \"join\" — ünï")
          .conclusion("failure")
          .testType("fast")
          .build();
  private static final AirflowTask FULL_TASK =
      AirflowTask.builder("bid_ask_1m")
          .dagRunId("scheduled__2026-11-20T03:00:00+00:00")
          .taskId("download")
          .tryNumber(3)
          .logicalDate("2026-11-20T03:00:00+00:00")
          .startDate("2026-11-20T03:01:00+00:00")
          .dagRunStartDate("2026-11-20T03:00:04+00:00")
          .logUrl("https://airflow.example.com/log?try=3")
          .exception("Traceback (most recent call last):\n  File \"x.py\"\nKeyError: 'ask'")
          .tags(List.of("prod", "region:tokyo", "crypto"))
          .region("tokyo")
          .airflowUrl("https://airflow.example.com/")
          .airflowVersion("3.0.2")
          .notebookUrl("https://nb.example.com/qa.ipynb")
          .build();

  @Test
  void every_variant_with_every_field_comes_back_as_written() throws Exception {
    for (AlertOrigin origin : List.of(FULL_RUN, FULL_TASK)) {
      assertThat(
              AlertOriginCodec.read(AlertOriginCodec.JSON.readTree(AlertOriginCodec.write(origin))))
          .isEqualTo(origin);
    }
  }

  @Test
  void every_variant_with_only_its_required_field_comes_back_as_written() throws Exception {
    for (AlertOrigin origin :
        List.of(GitHubRun.builder("acme/widgets").build(), AirflowTask.builder("d").build())) {
      assertThat(
              AlertOriginCodec.read(AlertOriginCodec.JSON.readTree(AlertOriginCodec.write(origin))))
          .isEqualTo(origin);
    }
  }

  @Test
  void an_alert_of_each_variant_survives_a_restart_with_its_route_and_pipeline_time() {
    Alert build = alert("run", FULL_RUN, "builds");
    Alert task = alert("task", FULL_TASK, null);
    AlertId buildId = storage.alerts().record(build).id();
    AlertId taskId = storage.alerts().record(task).id();

    reopen();

    assertThat(storage.alerts().find(buildId)).contains(build.withId(buildId));
    assertThat(storage.alerts().find(taskId)).contains(task.withId(taskId));
  }

  @Test
  void a_github_row_of_an_earlier_version_reads_as_a_typed_run() {
    AlertId id =
        insertOldRow(
            "GITHUB_ACTIONS",
            "{\"actor\":\"dana\",\"branch\":\"master\","
                + "\"commit_author\":\"Dana Doe\",\"conclusion\":\"failure\",\"event\":\"push\","
                + "\"head_sha\":\"6113728f\",\"job_name\":\"unit\",\"occurred_at\":\"2026-11-23T09:58:00Z\","
                + "\"repo\":\"acme/widgets\",\"route\":\"builds\",\"run_attempt\":\"2\","
                + "\"run_id\":\"9876543210\",\"run_number\":\"1234\","
                + "\"run_url\":\"https://github.com/acme/widgets/actions/runs/1\","
                + "\"test_type\":\"fast\",\"workflow_name\":\"Fast tests\","
                + "\"workflow_path\":\".github/workflows/fast_tests.yml\"}");

    Alert old = storage.alerts().find(id).orElseThrow();

    assertThat(old.origin())
        .isEqualTo(
            GitHubRun.builder("acme/widgets")
                .runId(9_876_543_210L)
                .job("unit")
                .branch("master")
                .event("push")
                .workflowName("Fast tests")
                .workflowPath(".github/workflows/fast_tests.yml")
                .runNumber(1234)
                .runAttempt(2)
                .runUrl("https://github.com/acme/widgets/actions/runs/1")
                .headSha("6113728f")
                .actor("dana")
                .commitAuthor("Dana Doe")
                .conclusion("failure")
                .testType("fast")
                .build());
    assertThat(old.routeName()).contains("builds");
    assertThat(old.occurredAt()).isEqualTo(NOW.minusSeconds(120));
    assertThat(old.receivedAt()).isEqualTo(NOW);
  }

  @Test
  void an_airflow_row_of_an_earlier_version_reads_its_comma_joined_tags_as_a_list() {
    AlertId id =
        insertOldRow(
            "AIRFLOW",
            "{\"dag_id\":\"bid_ask_1m\",\"dag_run_id\":\"r1\","
                + "\"exception\":\"KeyError: 'ask'\",\"log_url\":\"https://airflow/log\","
                + "\"logical_date\":\"2026-11-20T03:00:00+00:00\",\"notebook_url\":\"https://nb\","
                + "\"region\":\"tokyo\",\"tags\":\"prod,region:tokyo\",\"task_id\":\"download\","
                + "\"try_number\":\"3\"}");

    Alert old = storage.alerts().find(id).orElseThrow();

    assertThat(old.origin())
        .isEqualTo(
            AirflowTask.builder("bid_ask_1m")
                .dagRunId("r1")
                .taskId("download")
                .tryNumber(3)
                .logicalDate("2026-11-20T03:00:00+00:00")
                .logUrl("https://airflow/log")
                .exception("KeyError: 'ask'")
                .tags(List.of("prod", "region:tokyo"))
                .region("tokyo")
                .notebookUrl("https://nb")
                .build());
    assertThat(old.routeName()).isEmpty();
    // Rows from before the pipeline's time was kept have only their receipt time.
    assertThat(old.occurredAt()).isEqualTo(NOW);
  }

  @Test
  void an_airflow_document_stored_before_run_start_and_version_reads_without_them()
      throws Exception {
    AirflowTask task =
        (AirflowTask)
            AlertOriginCodec.read(
                AlertOriginCodec.JSON.readTree(
                    "{\"kind\":\"airflow_task\",\"dag_id\":\"bid_ask_1m\",\"dag_run_id\":\"r1\","
                        + "\"start_date\":\"2026-11-20T03:01:00+00:00\","
                        + "\"airflow_url\":\"https://airflow.example.com\"}"));

    assertThat(task.dagRunStartDate()).isEmpty();
    assertThat(task.airflowVersion()).isEmpty();
    assertThat(task.dagRunUrl())
        .contains("https://airflow.example.com/dags/bid_ask_1m/grid?dag_run_id=r1");
  }

  @Test
  void an_origin_of_an_unknown_kind_is_refused_with_its_name() {
    assertThatThrownBy(
            () ->
                AlertOriginCodec.read(
                    AlertOriginCodec.JSON.readTree("{\"kind\":\"gitlab_pipeline\"}")))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("gitlab_pipeline");
  }

  private static Alert alert(String delivery, AlertOrigin origin, @Nullable String route) {
    return new Alert(
        null,
        "test:" + delivery,
        "fp",
        RotationId.of("buildmeister"),
        route,
        new AlertPriority(
            Optional.of("P4"),
            true,
            List.of(Tag.teamLead(), new Tag.OfMember(MemberId.of("alice")))),
        "Title " + delivery,
        NOW,
        NOW.minusSeconds(3_600).plusNanos(123_456_789),
        origin);
  }

  // Before levels, an alert was HIGH ("tags the team lead at once") or NORMAL in its column.
  @Test
  void a_high_row_of_an_earlier_version_stays_urgent_and_tags_the_team_lead() {
    AlertId high = insertOldRow("AIRFLOW", "HIGH", "{\"dag_id\":\"bid_ask_1m\"}");

    assertThat(storage.alerts().find(high).orElseThrow().priority())
        .isEqualTo(AlertPriority.legacyHigh());
  }

  @Test
  void a_normal_row_of_an_earlier_version_has_no_level_and_tags_nobody() {
    AlertId normal = insertOldRow("AIRFLOW", "{\"dag_id\":\"bid_ask_1m\"}");

    assertThat(storage.alerts().find(normal).orElseThrow().priority())
        .isEqualTo(AlertPriority.NONE);
  }

  private AlertId insertOldRow(String source, String attributes) {
    return insertOldRow(source, "NORMAL", attributes);
  }

  private AlertId insertOldRow(String source, String priority, String attributes) {
    long id =
        storage
            .database()
            .transaction(
                "inserting an old row",
                c -> {
                  try (PreparedStatement ps =
                      c.prepareStatement(
                          "INSERT INTO alerts (dedup_key, source,"
                              + " fingerprint, rotation, priority, title, received_at, attributes)"
                              + " VALUES ('old:1', ?, 'fp', 'buildmeister', ?, 'Old', ?, ?)")) {
                    ps.setString(1, source);
                    ps.setString(2, priority);
                    ps.setLong(3, NOW.toEpochMilli());
                    ps.setString(4, attributes);
                    ps.executeUpdate();
                  }
                  try (PreparedStatement ps =
                      c.prepareStatement("SELECT id FROM alerts WHERE dedup_key = ?")) {
                    ps.setString(1, "old:1");
                    try (var rs = ps.executeQuery()) {
                      rs.next();
                      return rs.getLong(1);
                    }
                  }
                });
    return new AlertId(id);
  }
}
