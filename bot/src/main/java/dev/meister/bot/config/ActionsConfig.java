package dev.meister.bot.config;

import dev.meister.core.action.ActionPolicy;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

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

  public static ActionsConfig none() {
    return new ActionsConfig(Map.of(), Map.of());
  }
}
