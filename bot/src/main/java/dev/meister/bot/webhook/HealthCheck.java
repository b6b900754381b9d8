package dev.meister.bot.webhook;

/**
 * One dependency's health, reported by {@code GET /health} under the name it is registered with
 * (the app registers {@code database} and {@code chat}). A check that throws counts as down.
 */
@FunctionalInterface
public interface HealthCheck {
  HealthStatus check();
}
