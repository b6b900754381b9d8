package dev.meister.bot.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meister.bot.config.LogFormat;
import dev.meister.bot.config.Secret;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code logging.format: json} over the configured Logback setup (the STDERR console appender, as
 * in logback.xml; in tests logback-test.xml's): its lines, read back from a captured {@code
 * System.err}, are JSON objects with the text format's fields.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class LoggingTest {
  private static final Logger log = LoggerFactory.getLogger(LoggingTest.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void json_lines_carry_time_level_thread_logger_message_and_exception_and_never_a_secret()
      throws Exception {
    Secret token = Secret.of("123:very-secret-token");

    List<String> lines =
        captured(
            LogFormat.JSON,
            () -> {
              log.info("telegram connected with {} as \"bot\"", token);
              log.warn("outbox #7 failed", new IllegalStateException("502 from the chat"));
            });

    assertThat(lines).hasSize(2);
    JsonNode info = JSON.readTree(lines.get(0));
    assertThat(info.path("level").asText()).isEqualTo("INFO");
    assertThat(info.path("loggerName").asText()).isEqualTo(LoggingTest.class.getName());
    assertThat(info.path("threadName").asText()).isEqualTo(Thread.currentThread().getName());
    assertThat(info.path("timestamp").asLong()).isPositive();
    assertThat(info.path("formattedMessage").asText())
        .isEqualTo("telegram connected with Secret[****] as \"bot\"");
    JsonNode warn = JSON.readTree(lines.get(1));
    assertThat(warn.path("level").asText()).isEqualTo("WARN");
    assertThat(warn.path("throwable").path("className").asText())
        .isEqualTo("java.lang.IllegalStateException");
    assertThat(warn.path("throwable").path("message").asText()).isEqualTo("502 from the chat");
    assertThat(String.join("\n", lines)).doesNotContain("very-secret-token");
  }

  @Test
  void text_stays_the_default_line_format() {
    List<String> lines = captured(LogFormat.TEXT, () -> log.info("webhooks on {}", 8080));

    assertThat(lines)
        .singleElement()
        .satisfies(
            l ->
                assertThat(l)
                    .matches(
                        "\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  \\[.+] dev\\.meister\\.bot\\.app\\."
                            + "LoggingTest - webhooks on 8080"));
  }

  /** The lines {@code logging} wrote to System.err in {@code format}; text again afterwards. */
  private static List<String> captured(LogFormat format, Runnable logging) {
    PrintStream err = System.err;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    // The tests' logback-test.xml logs WARN and up; this class's lines are wanted at INFO.
    ch.qos.logback.classic.Logger own = (ch.qos.logback.classic.Logger) log;
    own.setLevel(ch.qos.logback.classic.Level.INFO);
    try {
      System.setErr(new PrintStream(buffer, true, StandardCharsets.UTF_8));
      Logging.format(format);
      logging.run();
    } finally {
      Logging.format(LogFormat.TEXT);
      System.setErr(err);
      own.setLevel(null);
    }
    List<String> lines = new ArrayList<>();
    for (String line : buffer.toString(StandardCharsets.UTF_8).split("\n", -1)) {
      if (!line.isBlank() && line.contains("LoggingTest")) {
        lines.add(line);
      }
    }
    return lines;
  }
}
