package dev.meister.core.alert;

import java.util.List;
import java.util.Optional;

/** Picks the route for a pipeline event: the first, in configured order, whose match fits. */
public final class Router {
  private final List<Route> routes;

  public Router(List<Route> routes) {
    this.routes = List.copyOf(routes);
  }

  /** The first matching route; empty when none matches, which the caller records as unrouted. */
  public Optional<Route> route(RunEvent e) {
    return routes.stream().filter(r -> r.match().matches(e)).findFirst();
  }

  public List<Route> routes() {
    return routes;
  }
}
