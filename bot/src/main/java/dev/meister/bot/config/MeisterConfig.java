package dev.meister.bot.config;

import dev.meister.core.alert.PriorityScale;
import dev.meister.core.buildhint.BuildHint;
import dev.meister.core.schedule.Rotation;
import dev.meister.core.schedule.RotationId;
import dev.meister.core.schedule.ScheduleOverride;
import dev.meister.core.schedule.Unavailability;
import dev.meister.core.shift.ShiftReminderRule;
import dev.meister.core.team.Team;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything in one validated configuration file.
 *
 * @param source the file it was read from
 * @param rotations in file order
 * @param rotationChats the chat each rotation posts to, for rotations that name one
 * @param routes in file order; the first match wins
 * @param priorityRules in file order
 * @param airflow the Airflow instances DAG runs are read from, by name
 * @param statusPosts the DAG status posts, in file order
 * @param duties the timed duties: hand-offs, escalation, fix-or-revert, pipelines and SLAs
 * @param github issue filing and the post-mortem log's reasons
 * @param priorities the team's priority levels, highest first ({@code priorities:}, default {@code
 *     [P1, P2, P3, P4]})
 * @param buildHints runbook hints for red builds ({@code build_hints:}), in file order
 * @param shiftReminders the rotations whose shifts are reminded ({@code shift_reminders:})
 * @param actions the runbook actions routes and pipelines allow ({@code actions:} on each)
 * @param maintenance the planned silences ({@code maintenance:}), in file order
 * @param web the web page ({@code web:}); disabled when the section is absent
 * @param logFormat how {@code meister run} writes its log ({@code logging.format}, default text)
 */
public record MeisterConfig(
    Path source,
    Team team,
    List<Rotation> rotations,
    Map<RotationId, ChatTarget> rotationChats,
    List<ScheduleOverride> overrides,
    List<Unavailability> unavailability,
    ChatsConfig chats,
    StorageConfig storage,
    ServerConfig server,
    List<RouteConfig> routes,
    TestTypes testTypes,
    List<PriorityRule> priorityRules,
    Map<String, AirflowInstance> airflow,
    List<StatusPostConfig> statusPosts,
    DutiesConfig duties,
    GitHubConfig github,
    PriorityScale priorities,
    List<BuildHint> buildHints,
    List<ShiftReminderRule> shiftReminders,
    ActionsConfig actions,
    List<MaintenanceConfig> maintenance,
    WebConfig web,
    LogFormat logFormat) {

  public MeisterConfig {
    rotations = List.copyOf(rotations);
    rotationChats = Collections.unmodifiableMap(new LinkedHashMap<>(rotationChats));
    overrides = List.copyOf(overrides);
    unavailability = List.copyOf(unavailability);
    routes = List.copyOf(routes);
    priorityRules = List.copyOf(priorityRules);
    airflow = Collections.unmodifiableMap(new LinkedHashMap<>(airflow));
    statusPosts = List.copyOf(statusPosts);
    buildHints = List.copyOf(buildHints);
    shiftReminders = List.copyOf(shiftReminders);
    maintenance = List.copyOf(maintenance);
  }

  /** This configuration with another {@code web:} section: the demo serves the page on its port. */
  public MeisterConfig withWeb(WebConfig other) {
    return new MeisterConfig(
        source,
        team,
        rotations,
        rotationChats,
        overrides,
        unavailability,
        chats,
        storage,
        server,
        routes,
        testTypes,
        priorityRules,
        airflow,
        statusPosts,
        duties,
        github,
        priorities,
        buildHints,
        shiftReminders,
        actions,
        maintenance,
        other,
        logFormat);
  }

  public Optional<Rotation> rotation(RotationId id) {
    return rotations.stream().filter(r -> r.id().equals(id)).findFirst();
  }

  public Optional<ChatTarget> chatOf(RotationId id) {
    return Optional.ofNullable(rotationChats.get(id));
  }
}
