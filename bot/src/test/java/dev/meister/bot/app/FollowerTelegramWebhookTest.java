package dev.meister.bot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meister.bot.telegram.FakeTelegramApi;
import dev.meister.core.chat.ChatAnswers;
import dev.meister.testing.PostgresTestServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator.ReplaceUnderscores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Two {@code meister run} instances on one PostgreSQL database with Telegram in webhook mode, each
 * with its own fake Bot API so it shows who sent what. The load balancer hands a {@code /web} to
 * the follower: the follower answers it privately itself, and the note in the group goes out
 * through the outbox, which only the leader delivers.
 */
@DisplayNameGeneration(ReplaceUnderscores.class)
class FollowerTelegramWebhookTest {
  private static final String TOKEN = "4242:follower-token";
  private static final String HOOK_SECRET = "tg-follower-secret";
  private static final String CHAT = "-1003000000042";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private final HttpClient http = HttpClient.newHttpClient();
  private final List<Instance> started = new ArrayList<>();
  private @Nullable PostgresTestServer server;
  private @Nullable String database;

  private record Instance(
      FakeTelegramApi telegram, int port, RunCommand run, CompletableFuture<Integer> exit) {}

  @AfterEach
  void stop() {
    for (int i = started.size() - 1; i >= 0; i--) {
      Instance instance = started.get(i);
      instance.run().stop();
      instance.exit().join();
      instance.telegram().close();
    }
    if (server != null && database != null) {
      server.drop(database);
    }
  }

  private Instance start(PostgresTestServer pg, String db, String name) throws Exception {
    FakeTelegramApi telegram = new FakeTelegramApi(TOKEN);
    int port = GitHubDeliveries.freePort();
    Map<String, String> env = new HashMap<>();
    env.put("TELEGRAM_BOT_TOKEN", TOKEN);
    env.put("TELEGRAM_WEBHOOK_SECRET", HOOK_SECRET);
    env.put("GITHUB_WEBHOOK_SECRET", "gh-secret");
    String password = "";
    if (pg.password() != null) {
      env.put("MEISTER_DB_PASSWORD", pg.password());
      password = "\npassword: ${MEISTER_DB_PASSWORD}";
    }
    Path file =
        RunConfigs.buildmeisterOnTelegram(
            dir.resolve(name + ".yml"),
            telegram.port(),
            """
            mode: webhook
            webhook_url: https://meister.example.org/hooks/telegram
            webhook_secret: ${TELEGRAM_WEBHOOK_SECRET}""",
            CHAT,
            "url: "
                + pg.urlOf(db)
                + "\nuser: "
                + pg.user()
                + password
                + "\ninstance_id: "
                + name
                + "\nlease: 2s",
            port,
            "web:\n  base_url: http://127.0.0.1:" + port + "\n  session: 1h\n");
    CommandLine cli = Main.commandLine(env);
    cli.setErr(new PrintWriter(new StringWriter(), true));
    RunCommand run =
        (RunCommand) Objects.requireNonNull(cli.getSubcommands().get("run")).getCommand();
    CompletableFuture<Integer> exit =
        CompletableFuture.supplyAsync(() -> cli.execute("run", "--config", file.toString()));
    Instance instance = new Instance(telegram, port, run, exit);
    started.add(instance);
    return instance;
  }

  private JsonNode health(Instance instance) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + instance.port() + "/health"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(response.body());
  }

  private void awaitRole(Instance instance, String role) {
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .ignoreExceptions()
        .until(() -> health(instance).path("role").asText(), role::equals);
  }

  private HttpResponse<String> update(Instance to, String text) throws Exception {
    String body =
        JSON.writeValueAsString(
            Map.of(
                "update_id",
                501,
                "message",
                Map.of(
                    "message_id",
                    77,
                    "date",
                    1_764_000_000,
                    "chat",
                    Map.of("id", Long.parseLong(CHAT), "type", "supergroup"),
                    "from",
                    Map.of(
                        "id",
                        100001,
                        "is_bot",
                        false,
                        "first_name",
                        "Alice",
                        "username",
                        "alice_d"),
                    "text",
                    text,
                    "entities",
                    List.of(Map.of("type", "bot_command", "offset", 0, "length", text.length())))));
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + to.port() + "/hooks/telegram"))
            .header("Content-Type", "application/json")
            .header("X-Telegram-Bot-Api-Secret-Token", HOOK_SECRET)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void the_follower_answers_a_private_command_itself_and_the_leader_posts_the_note()
      throws Exception {
    Optional<PostgresTestServer> configured = PostgresTestServer.configured();
    Assumptions.assumeTrue(
        configured.isPresent(), PostgresTestServer.SWITCH_ENV + "=off: PostgreSQL runs skipped");
    PostgresTestServer pg = configured.get();
    server = pg;
    String db = pg.createEmpty();
    database = db;
    Instance leader = start(pg, db, "a");
    awaitRole(leader, "leader");
    Instance follower = start(pg, db, "b");
    awaitRole(follower, "follower");

    assertThat(update(follower, "/web").statusCode()).isEqualTo(200);

    JsonNode direct = follower.telegram().awaitRequest("sendMessage", 1, Duration.ofSeconds(20));
    assertThat(direct.path("chat_id").asText()).as("to Alice alone").isEqualTo("100001");
    assertThat(direct.path("text").asText()).contains("/web/login/");
    JsonNode note = leader.telegram().awaitRequest("sendMessage", 1, Duration.ofSeconds(20));
    assertThat(note.path("chat_id").asText()).isEqualTo(CHAT);
    assertThat(note.path("text").asText()).isEqualTo(ChatAnswers.SENT_PRIVATELY);
    assertThat(follower.telegram().requests("sendMessage"))
        .as("the follower delivers nothing from the outbox")
        .hasSize(1);
    assertThat(leader.telegram().requests("sendMessage"))
        .as("the link itself is never queued")
        .hasSize(1);
    assertThat(leader.telegram().requests("setWebhook")).hasSize(1);
    assertThat(follower.telegram().requests("setWebhook")).as("only the leader sets it").isEmpty();
  }
}
