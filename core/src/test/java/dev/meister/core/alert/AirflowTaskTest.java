package dev.meister.core.alert;

import static org.assertj.core.api.Assertions.assertThat;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator.ReplaceUnderscores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Seed 000: "A notification contains: ... Link fo broken DAG" — the link's shape per Airflow. */
@DisplayNameGeneration(ReplaceUnderscores.class)
class AirflowTaskTest {
  private static final String RUN = "scheduled__2026-11-20T03:00:00+00:00";
  private static final String ENCODED = "scheduled__2026-11-20T03%3A00%3A00%2B00%3A00";

  private static AirflowTask task(@Nullable String base, @Nullable String version) {
    return AirflowTask.builder("bid_ask_1m")
        .dagRunId(RUN)
        .airflowUrl(base)
        .airflowVersion(version)
        .build();
  }

  @ParameterizedTest
  @CsvSource(
      nullValues = "-",
      value = {
        "3.0.2, /dags/bid_ask_1m/runs/" + ENCODED,
        "3, /dags/bid_ask_1m/runs/" + ENCODED,
        "10.1.0, /dags/bid_ask_1m/runs/" + ENCODED,
        "2.10.3, /dags/bid_ask_1m/grid?dag_run_id=" + ENCODED,
        "-, /dags/bid_ask_1m/grid?dag_run_id=" + ENCODED,
        "unknown, /dags/bid_ask_1m/grid?dag_run_id=" + ENCODED
      })
  void the_dag_run_link_is_airflow_3s_run_page_or_airflow_2s_grid(
      @Nullable String version, String path) {
    assertThat(task("https://airflow.example.com/", version).dagRunUrl())
        .contains("https://airflow.example.com" + path);
  }

  @Test
  void without_a_base_url_there_is_no_dag_run_link() {
    assertThat(task(null, "3.0.2").dagRunUrl()).isEmpty();
  }

  @Test
  void without_a_run_id_there_is_no_dag_run_link() {
    AirflowTask noRun = AirflowTask.builder("d").airflowUrl("https://airflow.example.com").build();

    assertThat(noRun.dagRunUrl()).isEmpty();
  }
}
