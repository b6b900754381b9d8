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
    return route(e.origin());
  }

  /** The first route whose match fits {@code origin}; empty when none does. */
  public Optional<Route> route(AlertOrigin origin) {
    return routes.stream().filter(r -> r.match().matches(origin)).findFirst();
  }

  /**
   * The route a stored alert came by, by the name stored with it, never matched again: an edit of
   * the routes' criteria does not move alerts already posted. Empty when it matched none or its
   * route has since been removed from the configuration.
   */
  public Optional<Route> routeOf(Alert alert) {
    return alert.routeName().flatMap(this::named);
  }

  public Optional<Route> named(String name) {
    return routes.stream().filter(r -> r.name().equals(name)).findFirst();
  }

  public List<Route> routes() {
    return routes;
  }
}
