package dev.meister.bot.config;

/** Which stable REST API an Airflow instance speaks. */
public enum AirflowApi {
  /** Airflow 2: {@code /api/v1}, basic auth or a bearer token. */
  V1("api/v1", 2),
  /** Airflow 3: {@code /api/v2}, a JWT from {@code POST /auth/token} or a bearer token. */
  V2("api/v2", 3);

  private final String path;
  private final int airflowVersion;

  AirflowApi(String path, int airflowVersion) {
    this.path = path;
    this.airflowVersion = airflowVersion;
  }

  /** The Airflow major version serving this API, which shapes its UI's links. */
  public int airflowVersion() {
    return airflowVersion;
  }

  /** The path under the instance's base URL, e.g. {@code api/v1}. */
  public String path() {
    return path;
  }
}
