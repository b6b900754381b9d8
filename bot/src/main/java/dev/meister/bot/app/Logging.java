package dev.meister.bot.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/** Log-level switches for commands whose output a person reads in the same terminal. */
final class Logging {
  private Logging() {}

  /** Only warnings and errors, unless MEISTER_LOG_LEVEL asks for more. */
  static void quiet() {
    if (System.getenv("MEISTER_LOG_LEVEL") == null
        && LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof Logger root) {
      root.setLevel(Level.WARN);
    }
  }
}
