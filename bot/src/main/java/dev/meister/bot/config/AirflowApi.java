package dev.meister.bot.config;

/** Which stable REST API an Airflow instance speaks. */
public enum AirflowApi {
  /** Airflow 2: {@code /api/v1}, basic auth or a bearer token. */
  V1("api/v1"),
  /** Airflow 3: {@code /api/v2}, a JWT from {@code POST /auth/token} or a bearer token. */
  V2("api/v2");

  private final String path;

  AirflowApi(String path) {
    this.path = path;
  }

  /** The path under the instance's base URL, e.g. {@code api/v1}. */
  public String path() {
    return path;
  }
}
