package dev.meister.core.alert;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides how urgent a failure is from the priority rules and the route it took: the most urgent
 * level any of them sets, and everyone any of them tags.
 */
public final class PriorityRules {
  private final PriorityScale scale;
  private final List<PriorityRule> rules;

  /**
   * @throws IllegalArgumentException when a rule sets a level that is not on {@code scale}
   */
  public PriorityRules(PriorityScale scale, List<PriorityRule> rules) {
    this.scale = scale;
    this.rules = List.copyOf(rules);
    for (PriorityRule r : this.rules) {
      r.setting().level().ifPresent(l -> onScale(l, "priority rule '" + r.name() + "'"));
    }
  }

  /** The scale the levels are on. */
  public PriorityScale scale() {
    return scale;
  }

  /**
   * The most urgent of the route's level and every matching rule's level (a rule raises, never
   * lowers, so the order of rules does not matter), with the tags of all of them.
   */
  public AlertPriority priorityOf(RunEvent e, Optional<Route> route) {
    List<PrioritySetting> settings = new ArrayList<>();
    route.ifPresent(r -> settings.add(r.priority()));
    rules.stream().filter(r -> r.match().matches(e)).forEach(r -> settings.add(r.setting()));
    Optional<String> level =
        settings.stream()
            .map(PrioritySetting::level)
            .flatMap(Optional::stream)
            .flatMap(l -> scale.level(l).stream())
            .min(Comparator.comparingInt(l -> scale.rank(l).orElseThrow()));
    Set<Tag> tags = new LinkedHashSet<>();
    settings.forEach(s -> tags.addAll(s.tags()));
    return AlertPriority.of(scale, level, List.copyOf(tags));
  }

  private void onScale(String level, String what) {
    if (scale.level(level).isEmpty()) {
      throw new IllegalArgumentException(
          what
              + " sets level '"
              + level
              + "', which is not on the scale ("
              + scale.describe()
              + ")");
    }
  }
}
