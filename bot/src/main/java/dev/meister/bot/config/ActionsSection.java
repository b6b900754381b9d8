package dev.meister.bot.config;

import dev.meister.core.action.ActionKind;
import dev.meister.core.action.ActionParty;
import dev.meister.core.action.ActionPolicy;
import dev.meister.core.alert.AlertSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Reads the {@code actions} of a route or a pipeline: which runbook actions its alerts allow
 * ({@code allow}), who may ask ({@code requesters}, default every member), whose approval each
 * needs ({@code approval}) and how long a request waits ({@code expire_after}, default 30m). Every
 * name is checked: an unknown action, role or member, an action of the wrong side, and an Airflow
 * instance without write credentials are located problems.
 */
final class ActionsSection {
  static final List<String> KEYS = List.of("allow", "requesters", "approval", "expire_after");
  private static final String ROLES =
      Arrays.stream(ActionParty.Role.values())
          .map(ActionParty.Role::word)
          .collect(Collectors.joining(", "));
  private static final String ACTIONS =
      Arrays.stream(ActionKind.values()).map(ActionKind::command).collect(Collectors.joining(", "));

  private final Problems problems;
  private final TeamSection team;
  private final Map<String, AirflowInstance> airflow;
  private final Set<String> writable;
  private final boolean githubToken;
  private final Map<String, ActionPolicy> byRoute = new LinkedHashMap<>();
  private final Map<String, ActionPolicy> byPipeline = new LinkedHashMap<>();

  /**
   * @param writable the Airflow instances whose configuration gives credentials (a token, or a
   *     username and password), so they can be written to
   * @param githubToken whether the {@code github} section gives a token
   */
  ActionsSection(
      Problems problems,
      TeamSection team,
      Map<String, AirflowInstance> airflow,
      Set<String> writable,
      boolean githubToken) {
    this.problems = problems;
    this.team = team;
    this.airflow = airflow;
    this.writable = writable;
    this.githubToken = githubToken;
  }

  /** The configured Airflow instances, for a route's {@code airflow}. */
  Map<String, AirflowInstance> airflow() {
    return airflow;
  }

  /** Reads a route's {@code actions}; its alerts come from {@code source} (null: either). */
  void route(String name, Fields route, @Nullable AlertSource source, @Nullable String instance) {
    ActionPolicy p = read(route, source, instance, "route");
    if (p != null) {
      byRoute.put(name, p);
    }
  }

  /** Reads a pipeline's {@code actions}; a pipeline's alerts are its DAG's. */
  void pipeline(String name, Fields pipeline, @Nullable String instance) {
    ActionPolicy p = read(pipeline, AlertSource.AIRFLOW, instance, "pipeline");
    if (p != null) {
      byPipeline.put(name, p);
    }
  }

  ActionsConfig config() {
    return new ActionsConfig(byRoute, byPipeline);
  }

  private @Nullable ActionPolicy read(
      Fields owner, @Nullable AlertSource source, @Nullable String instance, String what) {
    Fields f = owner.map("actions", false, KEYS);
    if (f == null) {
      return null;
    }
    int before = problems.count();
    Set<ActionKind> allowed = allowed(f, source, what);
    List<ActionParty> requesters = parties(f, "requesters");
    Map<ActionKind, List<ActionParty>> approval = approval(f, allowed);
    Duration expire = f.value("expire_after", false, Durations::positive);
    checkCredentials(f, allowed, instance);
    if (problems.count() > before) {
      return null;
    }
    return new ActionPolicy(
        allowed,
        requesters.isEmpty() ? List.of(ActionParty.Role.MEMBERS) : requesters,
        approval,
        expire == null ? ActionPolicy.DEFAULT_EXPIRY : expire,
        Optional.ofNullable(instance));
  }

  private Set<ActionKind> allowed(Fields f, @Nullable AlertSource source, String what) {
    Set<ActionKind> allowed = EnumSet.noneOf(ActionKind.class);
    for (Item item : items(f, "allow", true)) {
      Optional<ActionKind> kind = ActionKind.named(item.text());
      if (kind.isEmpty()) {
        problems.add(
            item.node(), item.path(), "'" + item.text() + "' is not an action: " + ACTIONS);
        continue;
      }
      ActionKind.Side side = kind.get().side();
      if (source != null && side != side(source)) {
        problems.add(
            item.node(),
            item.path(),
            "'"
                + item.text()
                + "' is "
                + (side == ActionKind.Side.AIRFLOW ? "an Airflow" : "a GitHub Actions")
                + " action, but this "
                + what
                + "'s alerts are "
                + (source == AlertSource.AIRFLOW ? "Airflow tasks" : "GitHub Actions runs"));
        continue;
      }
      allowed.add(kind.get());
    }
    return allowed;
  }

  private Map<ActionKind, List<ActionParty>> approval(Fields f, Set<ActionKind> allowed) {
    Map<ActionKind, List<ActionParty>> approval = new EnumMap<>(ActionKind.class);
    Fields a = f.anyKeysMap("approval", false);
    if (a == null) {
      return approval;
    }
    for (String key : a.keys()) {
      Optional<ActionKind> kind = ActionKind.named(key);
      if (kind.isEmpty()) {
        problems.add(a.keyLine(key), a.path(key), "'" + key + "' is not an action: " + ACTIONS);
        continue;
      }
      if (!allowed.contains(kind.get())) {
        problems.add(
            a.keyLine(key),
            a.path(key),
            "'" + key + "' needs approval but 'allow' does not list it");
        continue;
      }
      List<ActionParty> parties = parties(a, key);
      if (!parties.isEmpty()) {
        approval.put(kind.get(), parties);
      }
    }
    return approval;
  }

  /** A list of roles and member ids, or a single one. */
  private List<ActionParty> parties(Fields f, String key) {
    List<ActionParty> parties = new ArrayList<>();
    for (Item item : items(f, key, false)) {
      Optional<ActionParty> party =
          ActionParty.role(item.text())
              .or(() -> team.known(item.text()).map(ActionParty.Person::new));
      if (party.isEmpty()) {
        problems.add(
            item.node(),
            item.path(),
            "'" + item.text() + "' is neither a team member nor one of " + ROLES);
      } else if (!parties.contains(party.get())) {
        parties.add(party.get());
      }
    }
    return parties;
  }

  private void checkCredentials(Fields f, Set<ActionKind> allowed, @Nullable String instance) {
    String airflowActions =
        allowed.stream()
            .filter(k -> k.side() == ActionKind.Side.AIRFLOW)
            .map(ActionKind::command)
            .collect(Collectors.joining(", "));
    if (!airflowActions.isEmpty()) {
      if (instance == null) {
        problems.add(
            f.located("allow"),
            f.path("allow"),
            airflow.isEmpty()
                ? airflowActions + " change DAG runs, but the airflow section names no instance"
                : "say which Airflow instance "
                    + airflowActions
                    + " change: add 'airflow' ("
                    + String.join(", ", airflow.keySet())
                    + ")");
      } else if (airflow.containsKey(instance) && !writable.contains(instance)) {
        problems.add(
            f.located("allow"),
            f.path("allow"),
            "Airflow instance '"
                + instance
                + "' has no write credentials (a token, or a username and password) for "
                + airflowActions);
      }
    }
    boolean githubActions = allowed.stream().anyMatch(k -> k.side() == ActionKind.Side.GITHUB);
    if (githubActions && !githubToken) {
      problems.add(
          f.located("allow"),
          f.path("allow"),
          "GitHub Actions actions need a token: set github.token (e.g. ${GITHUB_TOKEN})");
    }
  }

  private record Item(YNode node, String path, String text) {}

  /** The texts of a list (or of one value) under {@code key}, located. */
  private List<Item> items(Fields f, String key, boolean required) {
    YNode node = f.node(key, required);
    List<Item> items = new ArrayList<>();
    if (node == null) {
      return items;
    }
    List<YNode> nodes = node instanceof YSeq seq ? seq.items() : List.of(node);
    for (int i = 0; i < nodes.size(); i++) {
      String path = node instanceof YSeq ? Problems.item(f.path(key), i) : f.path(key);
      String text = Fields.scalar(nodes.get(i), path, problems);
      if (text != null) {
        items.add(new Item(nodes.get(i), path, text));
      }
    }
    return items;
  }

  private static ActionKind.Side side(AlertSource source) {
    return source == AlertSource.AIRFLOW ? ActionKind.Side.AIRFLOW : ActionKind.Side.GITHUB;
  }
}
