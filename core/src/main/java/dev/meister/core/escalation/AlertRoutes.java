package dev.meister.core.escalation;

import dev.meister.core.alert.Alert;
import dev.meister.core.alert.Route;
import dev.meister.core.alert.Router;
import java.util.Optional;

/**
 * The route a stored alert came by, found by the name stored with it: matching its origin again
 * would give another answer after the routes' criteria were edited.
 */
final class AlertRoutes {
  private final Router router;

  AlertRoutes(Router router) {
    this.router = router;
  }

  Optional<Route> routeOf(Alert alert) {
    return router.routeOf(alert);
  }
}
