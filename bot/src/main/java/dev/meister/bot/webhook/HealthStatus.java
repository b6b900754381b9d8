package dev.meister.bot.webhook;

import java.util.Objects;

/**
 * The result of one {@link HealthCheck}. The detail is served without authentication, so it must
 * not contain connection strings, tokens or other secrets.
 *
 * @param up false when the dependency is down and the bot cannot do its job (the database)
 * @param degraded true when the bot works but not all of it (a chat is unreachable, so its messages
 *     wait in the outbox): {@code /health} still answers 200, saying {@code degraded}
 */
public record HealthStatus(boolean up, boolean degraded, String detail) {
  public HealthStatus {
    Objects.requireNonNull(detail, "detail");
  }

  public HealthStatus(boolean up, String detail) {
    this(up, false, detail);
  }

  public static HealthStatus healthy() {
    return new HealthStatus(true, "");
  }

  public static HealthStatus unhealthy(String detail) {
    return new HealthStatus(false, detail);
  }

  public static HealthStatus degraded(String detail) {
    return new HealthStatus(true, true, detail);
  }

  /** {@code up}, {@code degraded} or {@code down}, as {@code /health} shows it. */
  public String label() {
    return !up ? "down" : degraded ? "degraded" : "up";
  }
}
