package dev.meister.bot.app;

import dev.meister.bot.config.ChatTarget;
import dev.meister.bot.config.MaintenanceConfig;
import dev.meister.bot.config.MatchConfig;
import dev.meister.bot.config.MeisterConfig;
import dev.meister.bot.config.RouteConfig;
import dev.meister.core.alert.AlertMatch;
import dev.meister.core.alert.Glob;
import dev.meister.core.alert.PriorityRule;
import dev.meister.core.alert.PriorityRules;
import dev.meister.core.alert.Route;
import dev.meister.core.alert.Router;
import dev.meister.core.alert.TestTypes;
import dev.meister.core.chat.ChatRef;
import dev.meister.core.schedule.RotationId;
import dev.meister.core.silence.MaintenanceWindow;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Translates the configuration's routes, priority rules and test types into core's. */
final class RoutingConfig {
  private RoutingConfig() {}

  static Router router(MeisterConfig config) {
    List<Route> routes = new ArrayList<>();
    for (RouteConfig r : config.routes()) {
      // The loader guarantees both: every route names a rotation, and a chat or a rotation chat.
      RotationId rotation = r.rotationId().orElseThrow();
      ChatTarget chat = r.chatTarget().or(() -> config.chatOf(rotation)).orElseThrow();
      List<ChatRef> mirrors = r.mirrors().stream().map(ChatTarget::ref).toList();
      routes.add(
          new Route(r.name(), match(r.match()), rotation, chat.ref(), mirrors, r.priority()));
    }
    return new Router(routes);
  }

  static PriorityRules priorities(MeisterConfig config) {
    return new PriorityRules(
        config.priorities(),
        config.priorityRules().stream()
            .map(p -> new PriorityRule(p.name(), match(p.match()), p.setting()))
            .toList());
  }

  /** The configured maintenance windows, with the routes' match fields. */
  static List<MaintenanceWindow> maintenance(MeisterConfig config) {
    List<MaintenanceWindow> windows = new ArrayList<>();
    for (MaintenanceConfig m : config.maintenance()) {
      windows.add(
          new MaintenanceWindow(
              match(m.match()),
              m.reason(),
              m.quiet(),
              m.includeHigh(),
              m.from(),
              m.to(),
              m.schedule(),
              m.duration()));
    }
    return windows;
  }

  static TestTypes testTypes(MeisterConfig config) {
    return new TestTypes(config.testTypes().byWorkflow());
  }

  private static AlertMatch match(MatchConfig m) {
    return new AlertMatch(
        m.source(),
        glob(m.repo()),
        glob(m.workflow()),
        glob(m.branch()),
        glob(m.dag()),
        glob(m.task()),
        m.tags(),
        glob(m.region()));
  }

  private static @Nullable Glob glob(@Nullable String pattern) {
    return pattern == null ? null : Glob.of(pattern);
  }
}
