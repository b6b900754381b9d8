package dev.meister.bot.config;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Airflow's REST API, asked for DAG runs by the SLA checks.
 *
 * @param url base URL, e.g. {@code https://airflow.example.com}; absent disables SLA checks
 * @param version {@code v2} (Airflow 3) or {@code v1} (Airflow 2)
 * @param token bearer token; with username and password instead, basic authentication (Airflow 2)
 */
public record AirflowApiConfig(@Nullable String url, String version, Secret token,
    @Nullable String username, Secret password) {

  public static AirflowApiConfig none() {
    return new AirflowApiConfig(null, "v2", Secret.absent(), null, Secret.absent());
  }

  public Optional<String> baseUrl() {
    return Optional.ofNullable(url);
  }
}
