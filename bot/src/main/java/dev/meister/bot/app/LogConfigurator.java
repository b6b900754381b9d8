package dev.meister.bot.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.List;
import java.util.Optional;

/**
 * The bot's Logback set-up, in code rather than a {@code logback.xml}: reading the XML (Logback's
 * Joran and the JDK's XML parser, about 450 classes) took about a tenth of a second of every start
 * and 2–3 MiB of class metadata for life, for one appender and five levels. Logback finds this
 * class with its {@code ServiceLoader} ({@code META-INF/services}) before it looks for files.
 *
 * <p>Lines go to stderr, so that command output on stdout stays clean for scripts, in {@link
 * Logging#TEXT_PATTERN}; {@code MEISTER_LOG_LEVEL} sets the level (INFO when unset or unknown); the
 * web server's, the migrations' and the scheduler's chatter is kept to warnings. {@code meister
 * demo} and the one-shot commands lower the level to WARN ({@link Logging#quiet()}), and {@code
 * logging.format: json} swaps the encoder at {@code meister run} ({@link Logging#format}).
 *
 * <p>A {@code logback.xml} or {@code logback-test.xml} on the class path, or {@code
 * -Dlogback.configurationFile}, still wins: this set-up then steps aside for Logback's own.
 */
public final class LogConfigurator extends ContextAwareBase implements Configurator {
  /** Libraries whose INFO lines say nothing a bot's operator needs. */
  static final List<String> WARNINGS_ONLY =
      List.of("org.eclipse.jetty", "io.javalin", "org.flywaydb", "org.quartz");

  /** The level when {@code MEISTER_LOG_LEVEL} does not name one. */
  static final Level DEFAULT_LEVEL = Level.INFO;

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    if (System.getProperty("logback.configurationFile") != null
        || onClassPath("logback-test.xml")
        || onClassPath("logback.xml")) {
      return ExecutionStatus.INVOKE_NEXT_IF_ANY;
    }
    apply(context, Optional.ofNullable(System.getenv("MEISTER_LOG_LEVEL")));
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }

  /** The set-up itself, with the level's name as {@code MEISTER_LOG_LEVEL} would give it. */
  static void apply(LoggerContext context, Optional<String> level) {
    ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
    stderr.setContext(context);
    stderr.setName("STDERR");
    stderr.setTarget("System.err");
    stderr.setEncoder(Logging.text(context));
    stderr.start();
    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.setLevel(
        level.map(name -> Level.toLevel(name.strip(), DEFAULT_LEVEL)).orElse(DEFAULT_LEVEL));
    root.addAppender(stderr);
    for (String library : WARNINGS_ONLY) {
      context.getLogger(library).setLevel(Level.WARN);
    }
  }

  private static boolean onClassPath(String resource) {
    return LogConfigurator.class.getClassLoader().getResource(resource) != null;
  }
}
