package dev.meister.bot.config;

import java.time.Duration;

/**
 * "Fix it or revert": remind about a red build {@code after} its alert, then every {@code every},
 * until a later run of the same workflow and branch succeeds.
 */
public record FixOrRevertConfig(boolean enabled, Duration after, Duration every) {
  public static FixOrRevertConfig defaults() {
    return new FixOrRevertConfig(true, Duration.ofMinutes(60), Duration.ofMinutes(60));
  }
}
