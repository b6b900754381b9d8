package dev.meister.bot.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import dev.meister.bot.config.LogFormat;
import java.util.Iterator;
import org.slf4j.LoggerFactory;

/**
 * Log switches: the level for commands whose output a person reads in the same terminal, and the
 * format ({@code logging.format}) {@code meister run} writes in.
 */
final class Logging {
  /**
   * The text format {@link LogConfigurator} sets up; switching back from JSON uses it too, so that
   * changes nothing.
   */
  static final String TEXT_PATTERN = "%d{HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n";

  private Logging() {}

  /** Only warnings and errors, unless MEISTER_LOG_LEVEL asks for more. */
  static void quiet() {
    if (System.getenv("MEISTER_LOG_LEVEL") == null
        && LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof Logger root) {
      root.setLevel(Level.WARN);
    }
  }

  /**
   * Writes every line of the root logger's appenders in {@code format} from now on. JSON is
   * Logback's own {@link JsonEncoder}, one object per line with the fields the text has: {@code
   * timestamp} (epoch milliseconds), {@code level}, {@code threadName}, {@code loggerName}, {@code
   * formattedMessage} and, with an exception, {@code throwable}. The message is the formatted one,
   * so a {@code Secret} argument shows as {@code Secret[****]} as in text; the raw arguments, the
   * MDC and the context's properties are left out.
   */
  static void format(LogFormat format) {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return;
    }
    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
      if (it.next() instanceof OutputStreamAppender<ILoggingEvent> appender) {
        Encoder<ILoggingEvent> encoder = format == LogFormat.JSON ? json(context) : text(context);
        // Stopped while the encoder changes, so no line is written half in each format.
        appender.stop();
        appender.setEncoder(encoder);
        appender.start();
      }
    }
  }

  private static Encoder<ILoggingEvent> json(LoggerContext context) {
    JsonEncoder json = new JsonEncoder();
    json.setContext(context);
    json.setWithSequenceNumber(false);
    json.setWithNanoseconds(false);
    json.setWithContext(false);
    json.setWithMDC(false);
    json.setWithKVPList(false);
    json.setWithMarkers(false);
    json.setWithMessage(false);
    json.setWithArguments(false);
    json.setWithFormattedMessage(true);
    json.start();
    return json;
  }

  static Encoder<ILoggingEvent> text(LoggerContext context) {
    PatternLayoutEncoder text = new PatternLayoutEncoder();
    text.setContext(context);
    text.setPattern(TEXT_PATTERN);
    text.start();
    return text;
  }
}
