package dev.meister.core.filing;

import dev.meister.core.schedule.RotationId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where and how each alert's issue is filed: the rule per rotation and per route, the title
 * templates, and how many stack-trace lines an issue quotes.
 *
 * @param defaults the rule for rotations without their own
 * @param rotations per-rotation rules, already merged with the defaults
 * @param routes per-route rules by route name, merged with their rotation's rule: they win
 */
public record FilingRules(
    FilingRule defaults,
    Map<RotationId, FilingRule> rotations,
    Map<String, FilingRule> routes,
    IssueTemplate githubTitle,
    IssueTemplate airflowTitle,
    int traceLines) {
  public FilingRules {
    rotations = Collections.unmodifiableMap(new LinkedHashMap<>(rotations));
    routes = Collections.unmodifiableMap(new LinkedHashMap<>(routes));
  }

  /** The rule for a rotation's alerts. */
  public FilingRule ruleFor(RotationId rotation) {
    return rotations.getOrDefault(rotation, defaults);
  }

  /**
   * The rule for an alert that matched {@code route} of {@code rotation}: the route's own first.
   */
  public FilingRule ruleFor(Optional<RotationId> rotation, Optional<String> route) {
    Optional<FilingRule> own = route.map(routes::get);
    return own.orElseGet(() -> rotation.map(this::ruleFor).orElse(defaults));
  }
}
