package dev.meister.bot.config;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * One Airflow deployment the bot reads DAG runs from, from the {@code airflow} section.
 *
 * @param url the web server's base URL, e.g. {@code https://airflow.example.com}
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
    Duration timeout) {
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
}
