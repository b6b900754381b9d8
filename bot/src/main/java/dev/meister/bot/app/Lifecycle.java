package dev.meister.bot.app;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's parts in the order they start: each is started after the ones before it, and {@link
 * #close} stops the started ones in reverse, one INFO line each. Order is the list's, so no part
 * has to check that another one was started first.
 */
final class Lifecycle implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Lifecycle.class);

  /** Something to start and stop, by the name the log shows. */
  interface Component {
    String name();

    void start() throws Exception;

    void stop() throws Exception;
  }

  /** An action that may throw, for {@link #component}. */
  @FunctionalInterface
  interface Step {
    void run() throws Exception;
  }

  private final List<Component> components = new ArrayList<>();
  private final List<Component> started = new ArrayList<>();

  static Component component(String name, Step start, Step stop) {
    return new Component() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public void start() throws Exception {
        start.run();
      }

      @Override
      public void stop() throws Exception {
        stop.run();
      }

      @Override
      public String toString() {
        return name;
      }
    };
  }

  /** Something already open that only needs closing, such as a client or the database. */
  static Component closing(String name, AutoCloseable resource) {
    return component(name, () -> {}, resource::close);
  }

  synchronized Lifecycle add(Component component) {
    components.add(component);
    return this;
  }

  synchronized Lifecycle add(String name, Step start, Step stop) {
    return add(component(name, start, stop));
  }

  /** The components' names in start order. */
  synchronized List<String> names() {
    return components.stream().map(Component::name).toList();
  }

  /**
   * Starts every component not started yet, in order. When one fails, the ones started so far are
   * stopped in reverse and the failure is thrown.
   */
  synchronized void start() {
    for (Component c : components) {
      if (started.contains(c)) {
        continue;
      }
      try {
        c.start();
      } catch (Exception e) {
        close();
        throw e instanceof RuntimeException r
            ? r
            : new IllegalStateException("starting " + c.name() + " failed: " + e.getMessage(), e);
      }
      started.add(c);
    }
  }

  /** Stops the started components in reverse order; a failing stop does not keep the rest up. */
  @Override
  public synchronized void close() {
    for (int i = started.size() - 1; i >= 0; i--) {
      Component c = started.get(i);
      try {
        c.stop();
        log.info("stopped {}", c.name());
      } catch (Exception e) {
        log.warn("stopping {} failed: {}", c.name(), e.toString());
      }
    }
    started.clear();
  }
}
