package dev.meister.bot.config;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * One Airflow deployment the bot reads DAG runs from, from the {@code airflow} section.
 *
 * @param url the web server's base URL, e.g. {@code https://airflow.example.com}
 * @param uiUrl the web UI's base URL for links in alerts ({@code ui_url}); {@code url} unless the
 *     UI is reached at another address than the API
 * @param token a bearer token; absent when username and password are used
 * @param username with {@code password}: basic auth on v1, a token from {@code /auth/token} on v2
 * @param timeout for connecting and for each answer
 */
public record AirflowInstance(
    String name,
    String url,
    AirflowApi api,
    Secret token,
    @Nullable String username,
    Secret password,
    Duration timeout,
    String uiUrl) {
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  /** An instance whose UI is at its API's base URL. */
  public AirflowInstance(
      String name,
      String url,
      AirflowApi api,
      Secret token,
      @Nullable String username,
      Secret password,
      Duration timeout) {
    this(name, url, api, token, username, password, timeout, url);
  }
}
