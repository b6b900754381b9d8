package dev.meister.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meister.core.alert.AirflowTask;
import dev.meister.core.alert.Alert;
import dev.meister.core.alert.AlertPriority;
import dev.meister.core.chat.AlertId;
import dev.meister.core.filing.Resolution;
import dev.meister.core.pipeline.PipelineNotice;
import dev.meister.core.schedule.RotationId;
import org.junit.jupiter.api.Test;

class JdbcPipelineNoticesTest extends StorageTestBase {
  private static final PipelineNotice BREACH =
      new PipelineNotice("Growth", PipelineNotice.Kind.FIX_BREACH, "alert:1");

  // Seed 004 "it will be fixed within 24 hour from midnight UTC": the breach is posted once.
  @Test
  void a_notice_is_recorded_once_and_still_known_after_a_restart() {
    assertThat(storage.pipelineNotices().posted(BREACH)).isFalse();

    assertThat(storage.pipelineNotices().record(BREACH, NOW)).isTrue();
    reopen();

    assertThat(storage.pipelineNotices().posted(BREACH)).isTrue();
    assertThat(storage.pipelineNotices().record(BREACH, NOW)).isFalse();
    assertThat(
            storage
                .pipelineNotices()
                .posted(
                    new PipelineNotice("Growth", PipelineNotice.Kind.WORK_HOURS_TAG, "alert:1")))
        .isFalse();
  }

  @Test
  void airflow_alerts_since_a_moment_are_listed_oldest_first_with_their_resolution() {
    storage.alerts().record(alert("gh-1"));
    AlertId failed = storage.alerts().record(airflow("airflow:1")).id();

    storage
        .resolutions()
        .resolve(new Resolution(failed, "Upstream data", "Rerun", "laura", NOW.plusSeconds(60)));

    assertThat(storage.pipelineAlerts().airflowAlertsSince(NOW, 10))
        .singleElement()
        .satisfies(
            a -> assertThat(storage.pipelineAlerts().resolvedAt(a)).contains(NOW.plusSeconds(60)));
    assertThat(storage.pipelineAlerts().airflowAlertsSince(NOW.plusSeconds(1), 10)).isEmpty();
  }

  private static Alert airflow(String key) {
    return new Alert(
        null,
        key,
        "airflow:growth",
        RotationId.of("de-standby"),
        "dags",
        AlertPriority.NONE,
        "DAG growth failed",
        NOW,
        NOW,
        AirflowTask.builder("growth").taskId("spark").build());
  }
}
