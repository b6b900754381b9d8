package dev.meister.core.alert;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** Decides how urgent a failure is from the priority rules and the route it took. */
public final class PriorityRules {
  private final List<PriorityRule> rules;

  public PriorityRules(List<PriorityRule> rules) {
    this.rules = List.copyOf(rules);
  }

  /** HIGH when a HIGH rule matches or the route is HIGH; otherwise NORMAL. */
  public Priority priorityOf(RunEvent e, @Nullable Route route) {
    if (route != null && route.priority() == Priority.HIGH) {
      return Priority.HIGH;
    }
    boolean high =
        rules.stream().anyMatch(r -> r.priority() == Priority.HIGH && r.match().matches(e));
    return high ? Priority.HIGH : Priority.NORMAL;
  }
}
