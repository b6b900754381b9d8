package dev.meister.bot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meister.bot.telegram.FakeTelegramApi;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator.ReplaceUnderscores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * {@code meister run}, in-process through the command line, while the Telegram Bot API does not
 * answer: the webhooks are served at once, {@code /health} says why it is degraded, and the alert
 * taken meanwhile is posted once Telegram is back. Then a clean stop, without an ERROR.
 */
@DisplayNameGeneration(ReplaceUnderscores.class)
class RunWhileTelegramIsDownTest {
  private static final String TOKEN = "4242:run-token";
  private static final String SECRET = "run-secret";
  private static final String CHAT = "-1003000000001";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A command as {@code /help} lists it, in code at the start of a line: {@code /schedule …}. */
  private static final Pattern HELP_LINE = Pattern.compile("(?m)^<code>/([a-z0-9_]+)");

  @TempDir Path dir;

  private final HttpClient http = HttpClient.newHttpClient();
  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  private final Logger meisterLogs = (Logger) LoggerFactory.getLogger("dev.meister");
  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
  private final StringWriter err = new StringWriter();
  private int telegramPort;
  private int webhookPort;
  private @Nullable FakeTelegramApi telegram;
  private @Nullable RunCommand run;
  private @Nullable CompletableFuture<Integer> exit;

  /**
   * Loads the HTTP server's and the YAML parser's classes once, so the 5 s below measure the bot's
   * start and not a cold JVM's class loading on a busy build machine.
   */
  @BeforeAll
  static void warmUp(@TempDir Path warm) throws Exception {
    new dev.meister.bot.config.ConfigLoader(Map.of())
        .load(CliTest.EXAMPLE, dev.meister.bot.config.SecretPolicy.OPTIONAL);
    dev.meister.storage.Storage.open(warm.resolve("warm.db"), java.time.Clock.systemUTC()).close();
    new dev.meister.bot.webhook.WebhookServer(
            java.util.List.of(),
            event -> {
              throw new IllegalStateException("not used");
            },
            Map.of())
        .start("127.0.0.1", 0)
        .close();
  }

  @BeforeEach
  void capture() throws Exception {
    meisterLogs.setLevel(Level.INFO);
    logged.start();
    root.addAppender(logged);
    telegramPort =
        GitHubDeliveries.freePort(); // nothing listens there yet: connections are refused
    webhookPort = GitHubDeliveries.freePort();
  }

  private void startBot() throws Exception {
    Path file = dir.resolve("meister.yml");
    RunConfigs.buildmeisterOnTelegram(
        file, telegramPort, CHAT, "database: " + dir.resolve("meister.db"), webhookPort);
    CommandLine cli =
        Main.commandLine(Map.of("TELEGRAM_BOT_TOKEN", TOKEN, "GITHUB_WEBHOOK_SECRET", SECRET));
    cli.setErr(new PrintWriter(err, true));
    run = (RunCommand) Objects.requireNonNull(cli.getSubcommands().get("run")).getCommand();
    exit = CompletableFuture.supplyAsync(() -> cli.execute("run", "--config", file.toString()));
  }

  @AfterEach
  void stop() {
    if (run != null) {
      run.stop();
      Objects.requireNonNull(exit).join();
    }
    FakeTelegramApi t = telegram;
    if (t != null) {
      t.close();
    }
    root.detachAppender(logged);
    meisterLogs.setLevel(null);
  }

  @Test
  void serves_webhooks_at_once_and_posts_the_alert_once_telegram_is_back() throws Exception {
    startBot();

    JsonNode health =
        await()
            .atMost(Duration.ofSeconds(5))
            .pollInterval(Duration.ofMillis(50))
            .ignoreExceptions()
            .until(() -> get("/health"), h -> h.path("checks").has("telegram"));
    assertThat(health.path("status").asText()).isEqualTo("degraded");
    assertThat(health.path("checks").path("telegram").path("status").asText())
        .isEqualTo("degraded");
    assertThat(health.path("checks").path("telegram").path("detail").asText())
        .startsWith("telegram: ")
        .doesNotContain(TOKEN);

    HttpResponse<String> answer = postFailure("delivery-while-down");
    assertThat(answer.statusCode()).isEqualTo(202);

    // Telegram comes back only once the bot has found it unreachable: /health says degraded
    // from the start, before the first attempt to connect has even failed.
    await()
        .atMost(Duration.ofSeconds(10))
        .ignoreExceptions()
        .until(
            () ->
                List.copyOf(logged.list).stream()
                    .anyMatch(e -> e.getFormattedMessage().startsWith("telegram: unreachable")));
    FakeTelegramApi back = new FakeTelegramApi(TOKEN, telegramPort);
    telegram = back;
    JsonNode sent = back.awaitRequest("sendMessage", 1, Duration.ofSeconds(30));
    assertThat(sent.path("chat_id").asText()).isEqualTo(CHAT);
    assertThat(sent.path("text").asText()).containsAnyOf("@bobs", "@alice_d");
    await()
        .atMost(Duration.ofSeconds(5))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> get("/health").path("status").asText(), "up"::equals);

    Objects.requireNonNull(run).stop();

    assertThat(Objects.requireNonNull(exit).join()).isZero();
    assertThat(logged.list).noneMatch(e -> e.getLevel() == Level.ERROR);
    assertThat(logged.list)
        .allSatisfy(
            e ->
                assertThat(e.getThrowableProxy())
                    .as("stack trace of %s", e.getFormattedMessage())
                    .isNull());
    assertThat(logged.list)
        .filteredOn(e -> e.getLevel() == Level.WARN)
        .extracting(ILoggingEvent::getFormattedMessage)
        .filteredOn(m -> m.startsWith("telegram:"))
        .singleElement()
        .asString()
        .startsWith("telegram: unreachable, retrying in the background");
    assertThat(logged.list)
        .extracting(ILoggingEvent::getFormattedMessage)
        .filteredOn(m -> m.startsWith("stopped "))
        .containsExactly(
            "stopped telegram",
            "stopped status posts",
            "stopped timed duties",
            "stopped scheduler",
            "stopped runbook actions",
            "stopped issue filing",
            "stopped outbox delivery",
            // The single instance's leader parts, stopped as one (see BotRuntime#start).
            "stopped leader duties",
            "stopped webhooks",
            "stopped telegram client",
            "stopped outbox wake-ups",
            "stopped intake commits",
            "stopped metrics",
            "stopped database");
  }

  @Test
  void the_bots_own_messages_are_dropped_by_its_identity_from_getMe() throws Exception {
    FakeTelegramApi up = new FakeTelegramApi(TOKEN, telegramPort);
    telegram = up;
    // Not marked is_bot (as a channel post signed by the bot can come): only the id from getMe
    // tells the chain that this is the bot itself, which must never answer itself.
    up.queueUpdate(update(1, FakeTelegramApi.BOT_ID, false, "/help"));
    up.queueUpdate(update(2, 100001, false, "/whoisoncall"));
    startBot();

    JsonNode answer = up.awaitRequest("sendMessage", 1, Duration.ofSeconds(20));
    // Updates are handled and answered in order: had the bot's own /help been answered, that
    // answer would be the first message.
    assertThat(answer.path("text").asText())
        .contains("Buildmeister")
        .doesNotContain("Meister commands");
    await()
        .atMost(Duration.ofSeconds(5))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> get("/health").path("status").asText(), "up"::equals);
    assertThat(up.requests("sendMessage")).hasSize(1);
  }

  @Test
  void publishes_every_command_help_lists_as_the_telegram_menu() throws Exception {
    FakeTelegramApi up = new FakeTelegramApi(TOKEN, telegramPort);
    telegram = up;
    up.queueUpdate(update(1, 100001, false, "/help"));
    startBot();

    String help = up.awaitRequest("sendMessage", 1, Duration.ofSeconds(20)).path("text").asText();
    JsonNode menu = up.onlyRequest("setMyCommands").path("commands");
    List<String> listed =
        HELP_LINE.matcher(help).results().map(m -> m.group(1)).distinct().toList();
    assertThat(listed).hasSizeGreaterThan(20);
    assertThat(menu.findValuesAsText("command")).containsExactlyElementsOf(listed);
    assertThat(menu.findValuesAsText("description"))
        .allSatisfy(d -> assertThat(d).isNotBlank().hasSizeLessThanOrEqualTo(256));
  }

  private static String update(int id, long from, boolean isBot, String text) throws Exception {
    return JSON.writeValueAsString(
        Map.of(
            "update_id",
            id,
            "message",
            Map.of(
                "message_id",
                id,
                "date",
                1_764_000_000,
                "chat",
                Map.of("id", Long.parseLong(CHAT), "type", "supergroup"),
                "from",
                Map.of("id", from, "is_bot", isBot, "first_name", "Someone"),
                "text",
                text,
                "entities",
                List.of(Map.of("type", "bot_command", "offset", 0, "length", text.length())))));
  }

  @Test
  void a_configuration_error_is_printed_once_and_exits_2() throws Exception {
    Path bad = dir.resolve("bad.yml");
    Files.writeString(bad, "team:\n  members: {}\nrotations: nope\n");
    CommandLine cli = Main.commandLine(Map.of());
    StringWriter badErr = new StringWriter();
    cli.setErr(new PrintWriter(badErr, true));

    int code = cli.execute("run", "--config", bad.toString());

    assertThat(code).isEqualTo(2);
    String printed = badErr.toString();
    assertThat(printed)
        .contains("bad.yml:")
        .contains("Fix the configuration")
        .doesNotContain("invalid configuration")
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
    String firstProblem = printed.lines().findFirst().orElseThrow();
    assertThat(printed.lines().filter(firstProblem::equals)).hasSize(1);
  }

  private JsonNode get(String path) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + webhookPort + path)).build(),
            HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(response.body());
  }

  private HttpResponse<String> postFailure(String delivery) throws Exception {
    byte[] body = GitHubDeliveries.failedRun();
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + webhookPort + "/hooks/github"))
            .header("Content-Type", "application/json")
            .header("X-GitHub-Event", "workflow_run")
            .header("X-GitHub-Delivery", delivery)
            .header("X-Hub-Signature-256", GitHubDeliveries.sign(SECRET, body))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
