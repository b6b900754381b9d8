package dev.meister.bot.config;

import dev.meister.core.filing.FilingRule;
import dev.meister.core.filing.IssuePlaceholders;
import dev.meister.core.filing.IssueTemplate;
import dev.meister.core.filing.Reasons;
import dev.meister.core.schedule.Rotation;
import dev.meister.core.schedule.RotationId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Reads the {@code github} section; see {@link GitHubConfig}. */
final class GitHubSection {
  static final List<String> KEYS =
      List.of(
          "api_url",
          "token",
          "repo",
          "epic",
          "labels",
          "priority",
          "confirm_priority",
          "trace_lines",
          "titles",
          "rotations",
          "routes",
          "reasons");
  private static final List<String> RULE_KEYS =
      List.of("repo", "epic", "labels", "priority", "confirm_priority");
  private static final List<String> TITLE_KEYS = List.of("github", "airflow");
  private static final Pattern REPO = Pattern.compile("[\\w.-]+/[\\w.-]+");

  private final Problems problems;
  private final SecretResolver secrets;
  private final RotationSection rotations;
  private final List<RouteConfig> routeList;
  private final PrioritySettings levels;

  GitHubSection(
      Problems problems,
      SecretResolver secrets,
      RotationSection rotations,
      List<RouteConfig> routeList,
      PrioritySettings levels) {
    this.levels = levels;
    this.routeList = List.copyOf(routeList);
    this.problems = problems;
    this.secrets = secrets;
    this.rotations = rotations;
  }

  GitHubConfig read(@Nullable YNode node) {
    GitHubConfig none = GitHubConfig.none();
    if (node == null) {
      return none;
    }
    Fields f = Fields.of(node, "github", problems, KEYS);
    if (f == null) {
      return none;
    }
    String apiUrl = f.value("api_url", false, GitHubSection::url);
    // Like a chat adapter without its token, filing without one is off, not an error.
    Secret token = secrets.read(f, "token", true, false);
    FilingRule defaults = rule(f, FilingRule.defaults());
    Map<RotationId, FilingRule> perRotation = new LinkedHashMap<>();
    Fields rf = f.anyKeysMap("rotations", false);
    if (rf != null) {
      for (String id : rf.keys()) {
        Rotation rotation = rotations.reference(new YScalar(rf.keyLine(id), id), rf.path(id));
        YNode ruleNode = rf.node(id, true);
        Fields r = ruleNode == null ? null : Fields.of(ruleNode, rf.path(id), problems, RULE_KEYS);
        if (rotation != null && r != null) {
          perRotation.put(rotation.id(), rule(r, defaults));
        }
      }
    }
    Map<String, FilingRule> perRoute = new LinkedHashMap<>();
    Fields routeRules = f.anyKeysMap("routes", false);
    if (routeRules != null) {
      for (String name : routeRules.keys()) {
        RouteConfig route =
            routeList.stream().filter(r -> r.name().equals(name)).findFirst().orElse(null);
        if (route == null) {
          problems.add(
              routeRules.keyLine(name),
              routeRules.path(name),
              "no route is named '"
                  + name
                  + "'"
                  + Suggestions.didYouMean(
                      name, routeList.stream().map(RouteConfig::name).toList()));
          continue;
        }
        YNode ruleNode = routeRules.node(name, true);
        Fields r =
            ruleNode == null
                ? null
                : Fields.of(ruleNode, routeRules.path(name), problems, RULE_KEYS);
        if (r != null) {
          RotationId rotation = route.rotation();
          FilingRule base =
              rotation == null ? defaults : perRotation.getOrDefault(rotation, defaults);
          perRoute.put(name, rule(r, base));
        }
      }
    }
    IssueTemplate githubTitle = none.githubTitle();
    IssueTemplate airflowTitle = none.airflowTitle();
    Fields titles = f.map("titles", false, TITLE_KEYS);
    if (titles != null) {
      IssueTemplate g = titles.value("github", false, GitHubSection::template);
      IssueTemplate a = titles.value("airflow", false, GitHubSection::template);
      githubTitle = g == null ? githubTitle : g;
      airflowTitle = a == null ? airflowTitle : a;
    }
    Long traceLines = f.value("trace_lines", false, GitHubSection::traceLines);
    List<String> reasons = texts(f, "reasons");
    return new GitHubConfig(
        apiUrl == null ? GitHubConfig.DEFAULT_API_URL : apiUrl,
        token,
        defaults,
        perRotation,
        perRoute,
        githubTitle,
        airflowTitle,
        traceLines == null ? GitHubConfig.DEFAULT_TRACE_LINES : traceLines.intValue(),
        reasons.isEmpty() ? Reasons.DEFAULTS : reasons);
  }

  /** A rule from {@code f}'s rule keys, each absent one taken from {@code base}. */
  private FilingRule rule(Fields f, FilingRule base) {
    String repo = f.value("repo", false, GitHubSection::repo);
    Long epic = f.value("epic", false, GitHubSection::issueNumber);
    // A label of the configured scale, not a fixed P1-P4: teams order (and even name) them.
    String priority = f.value("priority", false, levels::level);
    LinkedHashSet<String> labels = new LinkedHashSet<>(base.labels());
    labels.addAll(texts(f, "labels"));
    boolean confirm = f.flag("confirm_priority", base.confirmPriority());
    return new FilingRule(
        repo != null ? repo : base.repo(),
        epic != null ? Integer.valueOf(epic.intValue()) : base.epic(),
        new ArrayList<>(labels),
        priority != null ? priority : base.priority(),
        confirm);
  }

  private List<String> texts(Fields f, String key) {
    List<String> out = new ArrayList<>();
    YSeq seq = f.list(key, false);
    if (seq != null) {
      for (int i = 0; i < seq.items().size(); i++) {
        String t = Fields.scalar(seq.items().get(i), Problems.item(f.path(key), i), problems);
        if (t != null) {
          out.add(t);
        }
      }
    }
    return out;
  }

  private static String url(String text) {
    if (!text.startsWith("https://") && !text.startsWith("http://")) {
      throw new IllegalArgumentException(
          "'"
              + text
              + "' must be an http(s) URL, e.g."
              + " https://api.github.com or https://github.example.com/api/v3");
    }
    return text;
  }

  private static String repo(String text) {
    if (!REPO.matcher(text).matches()) {
      throw new IllegalArgumentException("'" + text + "' must be a repository as owner/name");
    }
    return text;
  }

  private static long issueNumber(String text) {
    String t = text.startsWith("#") ? text.substring(1) : text;
    long n = Values.integer(t);
    if (n < 1 || n > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("'" + text + "' must be an issue number");
    }
    return n;
  }

  private static long traceLines(String text) {
    long n = Values.integer(text);
    if (n < 1 || n > 500) {
      throw new IllegalArgumentException("trace_lines must be between 1 and 500");
    }
    return n;
  }

  private static IssueTemplate template(String text) {
    return IssueTemplate.parse(text, IssuePlaceholders.KNOWN);
  }
}
