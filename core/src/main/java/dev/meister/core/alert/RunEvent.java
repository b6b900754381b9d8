package dev.meister.core.alert;

import dev.meister.core.validation.Checks;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A pipeline run or task ended, as a webhook reported it, before routing: the raw facts from which
 * an {@link Alert} is made.
 *
 * @param deliveryKey unique per delivery, prefixed by source, e.g. {@code github:72d3162e-...}; a
 *     repeated delivery carries the same key
 * @param attributes the facts, keyed by {@link AlertAttributes} names
 */
public record RunEvent(
    AlertSource source,
    String deliveryKey,
    Outcome outcome,
    Instant occurredAt,
    Map<String, String> attributes) {

  public RunEvent {
    Checks.notBlank(deliveryKey, "deliveryKey");
    attributes = Map.copyOf(new TreeMap<>(attributes));
  }

  public Optional<String> attribute(String name) {
    return Optional.ofNullable(attributes.get(name));
  }
}
