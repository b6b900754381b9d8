package dev.meister.core.alert;

import dev.meister.core.validation.Checks;
import java.time.Instant;

/**
 * A pipeline run or task ended, as a webhook reported it, before routing: the facts from which an
 * {@link Alert} is made.
 *
 * @param deliveryKey unique per delivery, prefixed by source, e.g. {@code github:72d3162e-...}; a
 *     repeated delivery carries the same key
 * @param origin the run or task, parsed once by the webhook
 */
public record RunEvent(
    String deliveryKey, Outcome outcome, Instant occurredAt, AlertOrigin origin) {

  public RunEvent {
    Checks.notBlank(deliveryKey, "deliveryKey");
  }

  public AlertSource source() {
    return origin.source();
  }
}
