package dev.meister.core.alert;

import dev.meister.core.validation.Checks;

/**
 * Gives matching failures a level and who to tag, whichever route they took: e.g. every Tokyo DAG
 * is the highest level, and Tokyo {@code bid_ask*} DAGs also tag the team lead.
 */
public record PriorityRule(String name, AlertMatch match, PrioritySetting setting) {
  public PriorityRule {
    Checks.notBlank(name, "priority rule name");
  }
}
