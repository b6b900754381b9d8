package dev.meister.bot.webhook.airflow;

/**
 * A configured Airflow instance's web UI, named by a callback's {@code airflow_instance}: where its
 * alerts' DAG run links point, whatever base URL the callback's Airflow believes it has (its {@code
 * base_url} setting defaults to {@code http://localhost:8080}).
 *
 * @param baseUrl e.g. {@code https://airflow.example.com}
 * @param version the Airflow major version, e.g. {@code 3}; it shapes the DAG run link
 */
public record AirflowUi(String baseUrl, String version) {
  public AirflowUi {
    if (baseUrl.isBlank() || version.isBlank()) {
      throw new IllegalArgumentException("an Airflow UI needs a base URL and a version");
    }
  }
}
