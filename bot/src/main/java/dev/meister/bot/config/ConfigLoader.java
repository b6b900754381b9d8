package dev.meister.bot.config;

import dev.meister.core.alert.PriorityScale;
import dev.meister.core.schedule.ScheduleOverride;
import dev.meister.core.schedule.Unavailability;
import dev.meister.core.team.Team;
import dev.meister.storage.DatabaseTarget;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and validates the Meister configuration file. Every problem is collected and reported
 * together, each as {@code FILE:LINE: path: message}; secrets are taken from the environment given
 * to the constructor.
 */
public final class ConfigLoader {
  private static final Logger LOG = LoggerFactory.getLogger(ConfigLoader.class);
  private static final List<String> TOP_KEYS =
      List.of(
          "team",
          "priorities",
          "rotations",
          "chats",
          "routes",
          "priority_rules",
          "test_types",
          "overrides",
          "unavailability",
          "storage",
          "server",
          "airflow",
          "status_posts",
          "handoffs",
          "fix_or_revert",
          "escalation",
          "pipelines",
          "work_hours",
          "github",
          "build_hints",
          "shift_reminders",
          "maintenance",
          "web",
          "logging");
  private static final List<String> STORAGE_KEYS =
      List.of("database", "url", "user", "password", "instance_id", "lease", "retention");
  private static final List<String> SERVER_KEYS =
      List.of(
          "bind",
          "port",
          "github_secret",
          "airflow_token",
          "github_workflow_jobs",
          "metrics_token");

  private final Map<String, String> env;

  /**
   * @param env where {@code ${VAR}} secrets are looked up; {@code Main} passes the process's
   */
  public ConfigLoader(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  /** Loads {@code file}, logging warnings (such as a team without a lead). */
  public MeisterConfig load(Path file, SecretPolicy policy) throws ConfigException {
    return load(file, policy, w -> LOG.warn("{}", w.format()));
  }

  /**
   * Loads {@code file}; things that work but are unwise (a team without a lead) go to {@code
   * warnings} rather than failing the load.
   *
   * @throws ConfigException with every problem found, sorted by line
   */
  public MeisterConfig load(Path file, SecretPolicy policy, Consumer<ConfigProblem> warnings)
      throws ConfigException {
    Problems problems = new Problems(file);
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      problems.add(1, "(file)", "cannot read the file (" + e.getClass().getSimpleName() + ")");
      throw new ConfigException(problems.sorted());
    }
    YNode root = YamlTree.read(text, problems);
    if (!problems.isEmpty()) {
      throw new ConfigException(problems.sorted());
    }
    if (root == null) {
      problems.add(1, "(file)", "the file is empty; it needs at least 'team' and 'rotations'");
      throw new ConfigException(problems.sorted());
    }
    Fields top = Fields.of(root, "", problems, TOP_KEYS);
    if (top == null) {
      throw new ConfigException(problems.sorted());
    }
    MeisterConfig config = read(file, top, new SecretResolver(env, policy), problems);
    if (!problems.isEmpty()) {
      throw new ConfigException(problems.sorted());
    }
    if (config.team().teamLeads().isEmpty()) {
      warnings.accept(
          new ConfigProblem(
              file,
              top.keyLine("team"),
              "team.members",
              "no member has the team_lead role; high-priority alerts and stalled hand-offs"
                  + " will tag no one"));
    }
    return config;
  }

  private static MeisterConfig read(
      Path file, Fields top, SecretResolver secrets, Problems problems) {
    TeamSection teamSection = new TeamSection(problems);
    Team team = teamSection.read(section(top, "team"), top.line());
    ChatsSection chats = new ChatsSection(problems, secrets);
    ChatsConfig chatsConfig = chats.read(section(top, "chats"));
    // Before the rotations: their weekend hand-back names levels of the scale.
    PriorityScale scale = priorities(top, problems);
    RotationSection rotations = new RotationSection(problems, teamSection, chats, scale);
    rotations.read(section(top, "rotations"), top.line());
    ChangesSection changes = new ChangesSection(problems, teamSection, rotations);
    List<ScheduleOverride> overrides = changes.overrides(section(top, "overrides"));
    List<Unavailability> unavailability = changes.unavailability(section(top, "unavailability"));
    // Read before everything that names a level: routes, priority rules, filing labels.
    PrioritySettings levels = new PrioritySettings(problems, teamSection, scale);
    RoutesSection routes = new RoutesSection(problems, rotations, chats, levels);
    StatusPostsSection status = new StatusPostsSection(problems, secrets, chats);
    Map<String, AirflowInstance> airflow = status.airflow(section(top, "airflow"));
    YNode github = section(top, "github");
    ActionsSection actions =
        new ActionsSection(
            problems,
            teamSection,
            airflow,
            status.writable(),
            github instanceof YMap g && g.entries().containsKey("token"));
    List<RouteConfig> routeList = routes.routes(section(top, "routes"), actions);
    return new MeisterConfig(
        file,
        team,
        rotations.rotations(),
        rotations.rotationChats(),
        overrides,
        unavailability,
        chatsConfig,
        storage(top, secrets),
        server(top, secrets),
        routeList,
        routes.testTypes(section(top, "test_types")),
        routes.priorityRules(section(top, "priority_rules")),
        airflow,
        status.posts(section(top, "status_posts")),
        new DutiesSection(problems, teamSection, rotations, routes, actions).read(top, airflow),
        new GitHubSection(problems, secrets, rotations, routeList, levels).read(github),
        scale,
        new BuildHintsSection(problems).read(section(top, "build_hints")),
        new ShiftRemindersSection(problems, rotations)
            .read(top.anyKeysMap("shift_reminders", false)),
        actions.config(),
        new MaintenanceSection(problems, routes).read(section(top, "maintenance")),
        new WebSection(problems).read(top),
        logFormat(top));
  }

  /** {@code logging: { format: text|json }}. */
  private static LogFormat logFormat(Fields top) {
    Fields f = top.map("logging", false, List.of("format"));
    if (f == null) {
      return LogFormat.TEXT;
    }
    LogFormat format = f.value("format", false, ConfigLoader::format);
    return format == null ? LogFormat.TEXT : format;
  }

  private static LogFormat format(String text) {
    return switch (text.strip()) {
      case "text" -> LogFormat.TEXT;
      case "json" -> LogFormat.JSON;
      default ->
          throw new IllegalArgumentException(
              "'" + text.strip() + "' is not a log format: write text or json");
    };
  }

  private static @Nullable YNode section(Fields top, String key) {
    return top.node(key, false);
  }

  /** {@code priorities: [P4, P3, P2, P1]}: the team's levels, highest first. */
  private static PriorityScale priorities(Fields top, Problems problems) {
    YSeq seq = top.list("priorities", false);
    if (seq == null) {
      return PriorityScale.DEFAULT;
    }
    List<String> levels = new ArrayList<>();
    for (int i = 0; i < seq.items().size(); i++) {
      String level = Fields.scalar(seq.items().get(i), Problems.item("priorities", i), problems);
      if (level != null) {
        levels.add(level.strip());
      }
    }
    try {
      return new PriorityScale(levels);
    } catch (IllegalArgumentException e) {
      problems.add(seq, "priorities", e.getMessage() + ", highest first, e.g. [P4, P3, P2, P1]");
      return PriorityScale.DEFAULT;
    }
  }

  private static StorageConfig storage(Fields top, SecretResolver secrets) {
    Fields f = top.map("storage", false, STORAGE_KEYS);
    if (f == null) {
      return StorageConfig.defaults();
    }
    Duration retention = f.value("retention", false, ConfigLoader::retention);
    StorageConfig database = database(f, secrets);
    return retention == null ? database : database.withRetention(retention);
  }

  /** {@code storage.retention}: at least a day, so a typo such as {@code 30m} cannot wipe a day. */
  private static Duration retention(String text) {
    Duration keep = Durations.positive(text);
    if (keep.compareTo(Duration.ofDays(1)) < 0) {
      throw new IllegalArgumentException(
          "retention " + text.strip() + " is shorter than a day; write e.g. 30d");
    }
    return keep;
  }

  private static StorageConfig database(Fields f, SecretResolver secrets) {
    Path database = f.value("database", false, Path::of);
    String url = f.text("url", false);
    if (url == null) {
      for (String key : List.of("user", "password", "instance_id", "lease")) {
        if (f.has(key)) {
          f.problems()
              .add(f.located(key), f.path(key), "only for a PostgreSQL database: set storage.url");
        }
      }
      return database == null ? StorageConfig.defaults() : StorageConfig.sqlite(database);
    }
    if (database != null) {
      f.problems()
          .add(
              f.located("url"),
              f.path("url"),
              "set storage.url or storage.database, not both (a SQLite file is jdbc:sqlite:FILE)");
      return StorageConfig.sqlite(database);
    }
    String user = f.text("user", false);
    Secret password = secrets.read(f, "password", false, true);
    DatabaseTarget target;
    try {
      target =
          DatabaseTarget.ofUrl(url.trim(), user, password.isPresent() ? password.reveal() : null);
    } catch (IllegalArgumentException e) {
      f.problems().add(f.located("url"), f.path("url"), String.valueOf(e.getMessage()));
      return StorageConfig.defaults();
    }
    if (target instanceof DatabaseTarget.SqliteFile) {
      for (String key : List.of("user", "password", "instance_id", "lease")) {
        if (f.has(key)) {
          f.problems()
              .add(f.located(key), f.path(key), "only for a PostgreSQL database, not jdbc:sqlite:");
        }
      }
    } else if (url.contains("password=")) {
      // The file is meant to be shared: the password comes from the environment only.
      f.problems()
          .add(
              f.located("url"),
              f.path("url"),
              "put the password in storage.password as ${ENV_VAR}, not in the URL");
    }
    String instance = f.text("instance_id", false);
    Duration lease = f.value("lease", false, ConfigLoader::lease);
    return new StorageConfig(
        target,
        Optional.ofNullable(instance).map(String::trim).filter(id -> !id.isEmpty()),
        lease == null ? StorageConfig.DEFAULT_LEASE : lease,
        StorageConfig.DEFAULT_RETENTION);
  }

  /** A leader lease: long enough to outlast a slow query, short enough for a quick takeover. */
  private static Duration lease(String text) {
    Duration lease = Durations.positive(text);
    if (lease.compareTo(Duration.ofSeconds(2)) < 0 || lease.compareTo(Duration.ofMinutes(5)) > 0) {
      throw new IllegalArgumentException(
          "a lease from 2s to 5m (a follower takes over about that long after the leader dies)");
    }
    return lease;
  }

  private static ServerConfig server(Fields top, SecretResolver secrets) {
    Fields f = top.map("server", false, SERVER_KEYS);
    if (f == null) {
      return ServerConfig.defaults();
    }
    String bind = f.text("bind", false);
    Long port = f.value("port", false, ConfigLoader::port);
    return new ServerConfig(
        bind == null ? ServerConfig.DEFAULT_BIND : bind,
        port == null ? ServerConfig.DEFAULT_PORT : port.intValue(),
        secrets.read(f, "github_secret", false, true),
        secrets.read(f, "airflow_token", false, true),
        f.flag("github_workflow_jobs", false),
        secrets.read(f, "metrics_token", false, true));
  }

  private static long port(String text) {
    long port = Values.integer(text);
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port " + port + " must be between 1 and 65535");
    }
    return port;
  }
}
