package dev.meister.core.alert;

import dev.meister.core.validation.Checks;

/** Gives matching failures a priority, e.g. Tokyo {@code bid_ask*} DAGs are HIGH. */
public record PriorityRule(String name, AlertMatch match, Priority priority) {
  public PriorityRule {
    Checks.notBlank(name, "priority rule name");
  }
}
