package dev.meister.bot.config;

import dev.meister.core.alert.AlertSource;
import dev.meister.core.alert.PrioritySetting;
import dev.meister.core.schedule.Rotation;
import dev.meister.core.schedule.RotationId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Reads {@code routes}, {@code priority_rules} and {@code test_types}. */
final class RoutesSection {
  private static final List<String> ROUTE_KEYS =
      List.of(
          "name",
          "match",
          "rotation",
          "chat",
          "priority",
          "tag",
          "ack_timeout",
          "airflow",
          "actions");
  private static final List<String> RULE_KEYS =
      List.of("name", "match", "level", "tag", "priority");
  private static final List<String> MATCH_KEYS =
      List.of("source", "repo", "workflow", "branch", "dag", "task", "tags", "region");
  private static final List<String> SOURCES = List.of("github", "airflow");

  private final Problems problems;
  private final RotationSection rotations;
  private final ChatsSection chats;
  private final PrioritySettings priorities;
  private final Map<String, Duration> ackTimeouts = new LinkedHashMap<>();

  RoutesSection(
      Problems problems,
      RotationSection rotations,
      ChatsSection chats,
      PrioritySettings priorities) {
    this.problems = problems;
    this.rotations = rotations;
    this.chats = chats;
    this.priorities = priorities;
  }

  List<RouteConfig> routes(@Nullable YNode node) {
    return routes(node, null);
  }

  /**
   * @param actions reads each route's {@code actions} (and the {@code airflow} instance they act
   *     on); null to take none
   */
  List<RouteConfig> routes(@Nullable YNode node, @Nullable ActionsSection actions) {
    List<RouteConfig> routes = new ArrayList<>();
    Map<String, Integer> names = new HashMap<>();
    for (Fields f : Fields.mappings(node, "routes", problems, ROUTE_KEYS)) {
      String name = name(f, names);
      MatchConfig match = match(f);
      YNode rotationNode = f.node("rotation", false);
      Rotation rotation =
          rotationNode == null ? null : rotations.reference(rotationNode, f.path("rotation"));
      YNode chatNode = f.node("chat", false);
      // One chat, or a list: the first is where the on-call works, the rest mirror the alert.
      List<ChatTarget> chatList =
          chatNode == null ? List.of() : chats.references(chatNode, f.path("chat"));
      PrioritySetting priority = priorities.route(f);
      Duration ackTimeout = f.value("ack_timeout", false, Durations::positive);
      if (name != null && ackTimeout != null) {
        ackTimeouts.put(name, ackTimeout);
      }
      if (actions != null) {
        String instance = airflow(f, actions.airflow());
        if (name != null && match != null) {
          actions.route(name, f, match.source(), instance);
        }
      }
      if (rotationNode == null) {
        // An alert always tags someone: the route's rotation says who. Its chat is the default.
        problems.add(
            f.line(),
            f.path(),
            "a route needs a 'rotation' (whose on-call the alert tags); 'chat' is optional");
      }
      if (rotation != null
          && chatNode == null
          && !rotations.rotationChats().containsKey(rotation.id())) {
        problems.add(
            f.line(),
            f.path(),
            "rotation '" + rotation.id() + "' names no chat, so this route needs a 'chat'");
      }
      if (name == null
          || match == null
          || (rotationNode != null && rotation == null)
          || chatList == null
          || priority == null) {
        continue;
      }
      RotationId rotationId = rotation == null ? null : rotation.id();
      ChatTarget chat = chatList.isEmpty() ? null : chatList.get(0);
      List<ChatTarget> mirrors =
          chatList.isEmpty() ? List.of() : chatList.subList(1, chatList.size());
      routes.add(new RouteConfig(name, match, rotationId, chat, mirrors, priority));
    }
    return routes;
  }

  /**
   * The route's {@code airflow}: the instance its DAG runs live on, for runbook actions; the only
   * configured instance when it names none.
   */
  private @Nullable String airflow(Fields f, Map<String, AirflowInstance> instances) {
    String instance = f.text("airflow", false);
    if (instance == null) {
      return instances.size() == 1 ? instances.keySet().iterator().next() : null;
    }
    if (!instances.containsKey(instance)) {
      problems.add(
          f.located("airflow"),
          f.path("airflow"),
          "no Airflow instance '"
              + instance
              + "' in the airflow section"
              + (instances.isEmpty()
                  ? ""
                  : "; there are: " + String.join(", ", instances.keySet())));
      return null;
    }
    return instance;
  }

  /** Per route name: how long an alert may stay unacknowledged before it escalates. */
  Map<String, Duration> ackTimeouts() {
    return ackTimeouts;
  }

  List<PriorityRule> priorityRules(@Nullable YNode node) {
    List<PriorityRule> rules = new ArrayList<>();
    Map<String, Integer> names = new HashMap<>();
    for (Fields f : Fields.mappings(node, "priority_rules", problems, RULE_KEYS)) {
      String name = name(f, names);
      MatchConfig match = match(f);
      PrioritySetting setting = priorities.rule(f);
      if (name != null && match != null && setting != null) {
        rules.add(new PriorityRule(name, match, setting));
      }
    }
    return rules;
  }

  TestTypes testTypes(@Nullable YNode node) {
    Fields f = node == null ? null : Fields.anyKeys(node, "test_types", problems);
    if (f == null) {
      return TestTypes.none();
    }
    Map<String, String> types = new LinkedHashMap<>();
    for (String workflow : f.keys()) {
      String type = f.text(workflow, true);
      if (type != null) {
        types.put(workflow, type);
      }
    }
    return new TestTypes(types);
  }

  private @Nullable String name(Fields f, Map<String, Integer> seen) {
    String name = f.text("name", true);
    if (name != null) {
      Integer earlier = seen.putIfAbsent(name, f.line());
      if (earlier != null) {
        problems.add(
            f.located("name"),
            f.path("name"),
            "name '" + name + "' is already used on line " + earlier);
      }
    }
    return name;
  }

  /** The match, or everything when none is written; {@code null} if it has mistakes. */
  @Nullable MatchConfig match(Fields route) {
    if (!route.has("match")) {
      return MatchConfig.anything();
    }
    int before = problems.count();
    Fields m = route.map("match", true, MATCH_KEYS);
    if (m == null) {
      return null;
    }
    AlertSource source = m.value("source", false, RoutesSection::source);
    List<String> tags = new ArrayList<>();
    YSeq tagList = m.list("tags", false);
    if (tagList != null) {
      for (int i = 0; i < tagList.items().size(); i++) {
        String tag =
            Fields.scalar(tagList.items().get(i), Problems.item(m.path("tags"), i), problems);
        if (tag != null) {
          tags.add(tag);
        }
      }
    }
    MatchConfig match =
        new MatchConfig(
            source,
            m.text("repo", false),
            m.text("workflow", false),
            m.text("branch", false),
            m.text("dag", false),
            m.text("task", false),
            tags,
            m.text("region", false));
    return problems.count() > before ? null : match;
  }

  private static AlertSource source(String text) {
    return Values.choice(AlertSource.class, text, SOURCES);
  }
}
