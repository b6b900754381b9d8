package dev.meister.bot.config;

import dev.meister.core.action.ActionPolicy;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The runbook action policies of the routes and pipelines that give one ({@code actions}); an alert
 * of any other allows no action.
 *
 * @param routes by route name
 * @param pipelines by pipeline name; a pipeline's policy wins over its route's for its DAG
 */
public record ActionsConfig(Map<String, ActionPolicy> routes, Map<String, ActionPolicy> pipelines) {
  public ActionsConfig {
    routes = Collections.unmodifiableMap(new LinkedHashMap<>(routes));
    pipelines = Collections.unmodifiableMap(new LinkedHashMap<>(pipelines));
  }

  /** The policy of route {@code name}, if it gives one. */
  public Optional<ActionPolicy> route(String name) {
    return Optional.ofNullable(routes.get(name));
  }

  /** The policy of pipeline {@code name}, if it gives one. */
  public Optional<ActionPolicy> pipeline(String name) {
    return Optional.ofNullable(pipelines.get(name));
  }

  public static ActionsConfig none() {
    return new ActionsConfig(Map.of(), Map.of());
  }
}
