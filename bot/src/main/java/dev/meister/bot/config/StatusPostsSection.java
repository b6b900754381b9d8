package dev.meister.bot.config;

import dev.meister.core.chat.ChatRef;
import dev.meister.core.status.Stage;
import dev.meister.core.status.StatusBoard;
import dev.meister.core.status.StatusPlan;
import dev.meister.core.status.TaskSelector;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Reads {@code airflow} (the instances DAG runs are read from) and {@code status_posts}. */
final class StatusPostsSection {
  private static final List<String> AIRFLOW_KEYS =
      List.of("url", "ui_url", "api", "token", "username", "password", "timeout");
  private static final List<String> POST_KEYS =
      List.of("name", "dag", "airflow", "chats", "schedule", "poll_every", "stop_after", "stages");
  private static final List<String> SCHEDULE_KEYS = List.of("cron", "zone");
  private static final List<String> STAGE_KEYS = List.of("name", "calculate", "load");
  private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(s|m|h)");
  static final Duration DEFAULT_POLL = Duration.ofMinutes(5);
  static final Duration DEFAULT_STOP_AFTER = Duration.ofHours(12);
  private static final Duration MIN_POLL = Duration.ofSeconds(30);

  private final Problems problems;
  private final SecretResolver secrets;
  private final ChatsSection chats;
  private final Map<String, AirflowInstance> instances = new LinkedHashMap<>();

  /** Instances whose configuration gives credentials, so runbook actions may write to them. */
  private final java.util.Set<String> writable = new java.util.LinkedHashSet<>();

  /** Every instance name written, valid or not, so a post naming a broken one is not blamed. */
  private final java.util.Set<String> declared = new java.util.HashSet<>();

  StatusPostsSection(Problems problems, SecretResolver secrets, ChatsSection chats) {
    this.problems = problems;
    this.secrets = secrets;
    this.chats = chats;
  }

  Map<String, AirflowInstance> airflow(@Nullable YNode node) {
    Fields all = node == null ? null : Fields.anyKeys(node, "airflow", problems);
    if (all == null) {
      return Map.of();
    }
    for (String name : all.keys()) {
      declared.add(name);
      Fields f = all.map(name, true, AIRFLOW_KEYS);
      if (f != null) {
        AirflowInstance instance = instance(name, f);
        if (instance != null) {
          instances.put(name, instance);
          // Written in the file, whether or not the variable is set here (check-config, demo).
          if (f.has("token") || f.has("username")) {
            writable.add(name);
          }
        }
      }
    }
    return new LinkedHashMap<>(instances);
  }

  private @Nullable AirflowInstance instance(String name, Fields f) {
    String url = f.value("url", true, StatusPostsSection::httpUrl);
    String uiUrl = f.value("ui_url", false, StatusPostsSection::httpUrl);
    AirflowApi api =
        f.value("api", true, t -> Values.choice(AirflowApi.class, t, List.of("v1", "v2")));
    Secret token = secrets.read(f, "token", false, true);
    String username = f.text("username", false);
    Secret password = secrets.read(f, "password", false, true);
    Duration timeout = f.value("timeout", false, StatusPostsSection::duration);
    if (f.has("token") && (f.has("username") || f.has("password"))) {
      problems.add(
          f.line(), f.path(), "give either 'token' or 'username' and 'password', not both");
    } else if (f.has("username") != f.has("password")) {
      problems.add(f.line(), f.path(), "'username' and 'password' go together");
    }
    if (url == null || api == null) {
      return null;
    }
    return new AirflowInstance(
        name,
        url,
        api,
        token,
        username,
        password,
        timeout == null ? AirflowInstance.DEFAULT_TIMEOUT : timeout,
        uiUrl == null ? url : uiUrl);
  }

  /** The instances read whose configuration names a token or a username and password. */
  java.util.Set<String> writable() {
    return java.util.Set.copyOf(writable);
  }

  List<StatusPostConfig> posts(@Nullable YNode node) {
    List<StatusPostConfig> posts = new ArrayList<>();
    Map<String, Integer> names = new HashMap<>();
    for (Fields f : Fields.mappings(node, "status_posts", problems, POST_KEYS)) {
      StatusPostConfig post = post(f, names);
      if (post != null) {
        posts.add(post);
      }
    }
    return posts;
  }

  private @Nullable StatusPostConfig post(Fields f, Map<String, Integer> names) {
    int before = problems.count();
    String dag = f.text("dag", true);
    String name = f.has("name") ? f.text("name", true) : dag;
    if (name != null) {
      Integer earlier = names.putIfAbsent(name, f.line());
      if (earlier != null) {
        problems.add(
            f.line(),
            f.path("name"),
            "status post '"
                + name
                + "' is already defined on line "
                + earlier
                + "; give this one a 'name'");
      }
    }
    String airflow = airflowReference(f);
    List<ChatRef> chatRefs = chats(f);
    CronSchedule schedule = null;
    ZoneId zone = ZoneId.of("UTC");
    Fields s = f.map("schedule", false, SCHEDULE_KEYS);
    if (s != null) {
      ZoneId z = s.value("zone", true, Values::zone);
      String cron = s.text("cron", true);
      if (z != null) {
        zone = z;
        if (cron != null) {
          schedule =
              Fields.parse(
                  s.located("cron"), s.path("cron"), problems, t -> CronSchedule.parse(t, z));
        }
      }
      if (!f.has("chats")) {
        problems.add(f.line(), f.path(), "a scheduled status post needs 'chats' to post to");
      }
    }
    Duration poll = f.value("poll_every", false, StatusPostsSection::duration);
    if (poll != null && poll.compareTo(MIN_POLL) < 0) {
      problems.add(
          f.located("poll_every"),
          f.path("poll_every"),
          "poll Airflow at most every 30s, not every " + poll.toSeconds() + "s");
    }
    Duration stopAfter = f.value("stop_after", false, StatusPostsSection::duration);
    List<Stage> stages = stages(f);
    if (problems.count() > before || name == null || dag == null || airflow == null) {
      return null;
    }
    StatusBoard board = new StatusBoard(name, dag, airflow, stages, zone);
    return new StatusPostConfig(
        new StatusPlan(
            board,
            chatRefs,
            poll == null ? DEFAULT_POLL : poll,
            stopAfter == null ? DEFAULT_STOP_AFTER : stopAfter),
        schedule);
  }

  /** The named instance; the only one when there is one and none is named. */
  private @Nullable String airflowReference(Fields f) {
    if (!f.has("airflow") && instances.size() == 1) {
      return instances.keySet().iterator().next();
    }
    String airflow = f.text("airflow", true);
    if (airflow != null && !instances.containsKey(airflow)) {
      if (!declared.contains(airflow)) {
        problems.add(
            f.located("airflow"),
            f.path("airflow"),
            "Airflow instance '"
                + airflow
                + "' is not defined under 'airflow'"
                + Suggestions.didYouMean(airflow, declared));
      }
      return null;
    }
    return airflow;
  }

  private List<ChatRef> chats(Fields f) {
    YNode node = f.node("chats", false);
    List<ChatTarget> targets = node == null ? null : chats.references(node, f.path("chats"));
    return targets == null ? new ArrayList<>() : targets.stream().map(ChatTarget::ref).toList();
  }

  private List<Stage> stages(Fields post) {
    List<Stage> stages = new ArrayList<>();
    YNode node = post.node("stages", true);
    if (node == null) {
      return stages;
    }
    List<Fields> items = Fields.mappings(node, post.path("stages"), problems, STAGE_KEYS);
    if (items.isEmpty() && node instanceof YSeq) {
      problems.add(node, post.path("stages"), "needs at least one stage");
    }
    for (Fields f : items) {
      String name = f.text("name", true);
      List<TaskSelector> calculate = selectors(f, "calculate", true);
      List<TaskSelector> load = selectors(f, "load", false);
      if (name != null && !calculate.isEmpty()) {
        stages.add(new Stage(name, calculate, load));
      }
    }
    return stages;
  }

  /** One task id, wildcard or {@code group:NAME}, or a list of them. */
  private List<TaskSelector> selectors(Fields f, String key, boolean required) {
    List<TaskSelector> selectors = new ArrayList<>();
    YNode node = f.node(key, required);
    if (node == null) {
      return selectors;
    }
    List<YNode> items = node instanceof YSeq seq ? seq.items() : List.of(node);
    for (int i = 0; i < items.size(); i++) {
      String path = node instanceof YSeq ? Problems.item(f.path(key), i) : f.path(key);
      TaskSelector selector = Fields.parse(items.get(i), path, problems, TaskSelector::of);
      if (selector != null) {
        selectors.add(selector);
      }
    }
    if (required && items.isEmpty()) {
      problems.add(node, f.path(key), "needs at least one task");
    }
    return selectors;
  }

  private static String httpUrl(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    if (!(lower.startsWith("http://") || lower.startsWith("https://"))
        || okhttp3.HttpUrl.parse(text) == null) {
      throw new IllegalArgumentException(
          "'" + text + "' must be an http(s) URL such as" + " https://airflow.example.com");
    }
    return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
  }

  /** {@code 90s}, {@code 5m}, {@code 2h}, or ISO-8601 such as {@code PT5M}. */
  static Duration duration(String text) {
    Matcher m = DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      return switch (m.group(2)) {
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        default -> Duration.ofHours(n);
      };
    }
    try {
      return Duration.parse(text.trim().toUpperCase(Locale.ROOT));
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException("'" + text + "' must be a duration like 30s, 5m or 2h", e);
    }
  }
}
