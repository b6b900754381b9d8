package dev.meister.bot.webhook;

import java.util.Objects;

/**
 * The result of one {@link HealthCheck}. The detail is served without authentication, so it must
 * not contain connection strings, tokens or other secrets.
 */
public record HealthStatus(boolean up, String detail) {
  public HealthStatus {
    Objects.requireNonNull(detail, "detail");
  }

  public static HealthStatus healthy() {
    return new HealthStatus(true, "");
  }

  public static HealthStatus unhealthy(String detail) {
    return new HealthStatus(false, detail);
  }
}
