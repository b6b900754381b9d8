package dev.meister.bot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import java.io.File;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bot's Logback set-up in code ({@link LogConfigurator}): what it sets on a context, that it
 * steps aside for a {@code logback-test.xml} (as on this class path), and that a real {@code
 * meister run} without the tests' resources finds it and writes its lines in the text format.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class LogConfiguratorTest {
  @TempDir Path dir;

  @Test
  void one_stderr_appender_in_the_text_format_info_and_the_libraries_kept_to_warnings() {
    LoggerContext context = new LoggerContext();

    LogConfigurator.apply(context, Optional.empty());

    ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    assertThat(root.getLevel()).isEqualTo(Level.INFO);
    Appender<ILoggingEvent> appender = root.getAppender("STDERR");
    assertThat(appender).isInstanceOf(ConsoleAppender.class);
    ConsoleAppender<ILoggingEvent> console = (ConsoleAppender<ILoggingEvent>) appender;
    assertThat(console.getTarget()).isEqualTo("System.err");
    assertThat(console.isStarted()).isTrue();
    assertThat(((PatternLayoutEncoder) console.getEncoder()).getPattern())
        .isEqualTo(Logging.TEXT_PATTERN);
    for (String library :
        List.of("org.eclipse.jetty", "io.javalin", "org.flywaydb", "org.quartz")) {
      assertThat(context.getLogger(library + ".Anything").getEffectiveLevel())
          .as(library)
          .isEqualTo(Level.WARN);
    }
    assertThat(context.getLogger("dev.meister.storage.Database").getEffectiveLevel())
        .isEqualTo(Level.INFO);
  }

  @Test
  void meister_log_level_sets_the_level_and_an_unknown_name_leaves_info() {
    LoggerContext debug = new LoggerContext();
    LoggerContext unknown = new LoggerContext();

    LogConfigurator.apply(debug, Optional.of(" debug "));
    LogConfigurator.apply(unknown, Optional.of("chatty"));

    assertThat(debug.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getLevel())
        .isEqualTo(Level.DEBUG);
    assertThat(unknown.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getLevel())
        .isEqualTo(Level.INFO);
  }

  @Test
  void a_logback_test_xml_on_the_class_path_wins() {
    LoggerContext context = new LoggerContext();
    LogConfigurator configurator = new LogConfigurator();
    configurator.setContext(context);

    ExecutionStatus status = configurator.configure(context);

    assertThat(status).isEqualTo(ExecutionStatus.INVOKE_NEXT_IF_ANY);
    assertThat(context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("STDERR")).isNull();
  }

  @Test
  void meister_run_without_the_tests_resources_logs_in_the_text_format() throws Exception {
    int webhookPort;
    int closedTelegramPort;
    try (ServerSocket a = new ServerSocket(0);
        ServerSocket b = new ServerSocket(0)) {
      webhookPort = a.getLocalPort();
      closedTelegramPort = b.getLocalPort();
    }
    Path config = dir.resolve("meister.yml");
    RunConfigs.buildmeisterOnTelegram(
        config, closedTelegramPort, "-1001", "database: " + dir.resolve("meister.db"), webhookPort);
    // The main classes and the libraries, without test-classes and its logback-test.xml.
    String classPath =
        Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
            .filter(entry -> !entry.endsWith("test-classes"))
            .collect(Collectors.joining(File.pathSeparator));
    Path log = dir.resolve("run.log");

    Process p =
        RunProcess.start(
            config,
            Map.of("TELEGRAM_BOT_TOKEN", "1:x", "GITHUB_WEBHOOK_SECRET", "s"),
            log,
            classPath);
    try {
      await("the database's line")
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(50))
          .until(() -> Files.readString(log, StandardCharsets.UTF_8).contains(" open\n"));
    } finally {
      p.destroyForcibly().waitFor();
    }

    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    assertThat(lines)
        .as("the log")
        .anyMatch(
            line ->
                line.matches(
                    "\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  \\[main\\] dev\\.meister\\.storage\\.Database"
                        + " - database .*meister\\.db open"))
        // logback-test.xml's format has no thread; Logback's fallback (BasicConfigurator) and
        // Flyway's INFO lines would show here too.
        .noneMatch(line -> line.contains("org.flywaydb") || line.contains("o.f.c."));
  }
}
