package dev.meister.bot.config;

import java.time.Duration;

/**
 * Escalating by hand: an acknowledged alert still unresolved {@code nudgeAfter} after its
 * acknowledgement gets one "still on it? /escalate pulls in Level 2" (seed 001: "if you try to
 * solve an issue for more than one hour and feel you are not making progress").
 */
public record EscalationConfig(Duration nudgeAfter) {
  public static EscalationConfig defaults() {
    return new EscalationConfig(Duration.ofHours(1));
  }
}
