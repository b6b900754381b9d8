package dev.meister.bot.config;

import dev.meister.core.filing.FilingRule;
import dev.meister.core.filing.FilingRules;
import dev.meister.core.filing.IssuePlaceholders;
import dev.meister.core.filing.IssueTemplate;
import dev.meister.core.filing.Reasons;
import dev.meister.core.schedule.RotationId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The {@code github} section: the API and token for filing issues, where each rotation's issues go,
 * issue title templates, and the reasons the post-mortem log offers.
 *
 * @param apiUrl {@code https://api.github.com}, or {@code https://HOST/api/v3} for Enterprise
 * @param token absent when filing is off (no section, or the variable unset where allowed)
 * @param defaults the rule for rotations without their own
 * @param rotations per-rotation rules, already merged with the defaults
 * @param routes per-route rules by route name, merged with their rotation's rule: they win
 * @param traceLines how many stack-trace lines an issue quotes
 * @param reasons what {@code /resolve} accepts
 */
public record GitHubConfig(
    String apiUrl,
    Secret token,
    FilingRule defaults,
    Map<RotationId, FilingRule> rotations,
    Map<String, FilingRule> routes,
    IssueTemplate githubTitle,
    IssueTemplate airflowTitle,
    int traceLines,
    List<String> reasons) {
  public static final String DEFAULT_API_URL = "https://api.github.com";
  public static final int DEFAULT_TRACE_LINES = 30;

  public GitHubConfig {
    rotations = Collections.unmodifiableMap(new LinkedHashMap<>(rotations));
    routes = Collections.unmodifiableMap(new LinkedHashMap<>(routes));
    reasons = List.copyOf(reasons);
  }

  /** No {@code github} section: no filing, default templates and reasons. */
  public static GitHubConfig none() {
    return new GitHubConfig(
        DEFAULT_API_URL,
        Secret.absent(),
        FilingRule.defaults(),
        Map.of(),
        Map.of(),
        IssueTemplate.parse(IssuePlaceholders.GITHUB_TITLE, IssuePlaceholders.KNOWN),
        IssueTemplate.parse(IssuePlaceholders.AIRFLOW_TITLE, IssuePlaceholders.KNOWN),
        DEFAULT_TRACE_LINES,
        Reasons.DEFAULTS);
  }

  /** Where and how issues are filed, for the filing service. */
  public FilingRules filingRules() {
    return new FilingRules(defaults, rotations, routes, githubTitle, airflowTitle, traceLines);
  }

  /** Whether issues can be filed: a token is there. */
  public boolean filingEnabled() {
    return token.isPresent();
  }

  /** The rule for a rotation's alerts. */
  public FilingRule ruleFor(RotationId rotation) {
    return rotations.getOrDefault(rotation, defaults);
  }

  /**
   * The rule for an alert that matched {@code route} of {@code rotation}: the route's own first.
   */
  public FilingRule ruleFor(@Nullable RotationId rotation, @Nullable String route) {
    FilingRule own = route == null ? null : routes.get(route);
    if (own != null) {
      return own;
    }
    return rotation == null ? defaults : ruleFor(rotation);
  }
}
