package dev.meister.core.escalation;

import dev.meister.core.alert.Alert;
import dev.meister.core.alert.Outcome;
import dev.meister.core.alert.RunEvent;
import dev.meister.core.alert.Route;
import dev.meister.core.alert.Router;
import java.util.Optional;

/**
 * The route a stored alert came by, found again from its attributes: routes are configuration, so
 * matching again gives the same answer without storing the route with every alert.
 */
final class AlertRoutes {
  private final Router router;

  AlertRoutes(Router router) {
    this.router = router;
  }

  Optional<Route> routeOf(Alert alert) {
    RunEvent event = new RunEvent(alert.source(), alert.dedupKey(), Outcome.FAILED,
        alert.receivedAt(), alert.attributes());
    return router.route(event);
  }
}
