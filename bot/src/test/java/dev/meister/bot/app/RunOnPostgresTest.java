package dev.meister.bot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meister.bot.telegram.FakeTelegramApi;
import dev.meister.storage.DatabaseTarget;
import dev.meister.storage.Storage;
import dev.meister.storage.Vendor;
import dev.meister.testing.PostgresTestServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
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
 * {@code meister run} on PostgreSQL, end to end: {@code storage.url} names a fresh database on the
 * test server ({@code MEISTER_TEST_PG_URL}), which the bot migrates; a signed webhook becomes an
 * alert posted once to the fake Telegram, a redelivery is recognised, and the database holds it all
 * after a clean stop.
 */
@DisplayNameGeneration(ReplaceUnderscores.class)
class RunOnPostgresTest {
  private static final String TOKEN = "4242:pg-token";
  private static final String SECRET = "pg-secret";
  private static final String CHAT = "-1003000000016";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private final HttpClient http = HttpClient.newHttpClient();
  private @Nullable PostgresTestServer server;
  private @Nullable String database;
  private @Nullable FakeTelegramApi telegram;
  private @Nullable RunCommand run;
  private @Nullable CompletableFuture<Integer> exit;
  private int webhookPort;

  @AfterEach
  void stop() {
    if (run != null) {
      run.stop();
      Objects.requireNonNull(exit).join();
    }
    if (telegram != null) {
      telegram.close();
    }
    if (server != null && database != null) {
      server.drop(database);
    }
  }

  @Test
  void a_webhook_is_stored_on_postgresql_and_posted_once() throws Exception {
    Optional<PostgresTestServer> configured = PostgresTestServer.configured();
    Assumptions.assumeTrue(
        configured.isPresent(), PostgresTestServer.SWITCH_ENV + "=off: PostgreSQL runs skipped");
    PostgresTestServer pg = configured.get();
    server = pg;
    String db = pg.createEmpty();
    database = db;
    FakeTelegramApi api = new FakeTelegramApi(TOKEN);
    telegram = api;
    webhookPort = GitHubDeliveries.freePort();

    Map<String, String> env = new HashMap<>();
    env.put("TELEGRAM_BOT_TOKEN", TOKEN);
    env.put("GITHUB_WEBHOOK_SECRET", SECRET);
    String password = "";
    if (pg.password() != null) {
      env.put("MEISTER_DB_PASSWORD", pg.password());
      password = "password: ${MEISTER_DB_PASSWORD}";
    }
    Path file = dir.resolve("meister.yml");
    RunConfigs.buildmeisterOnTelegram(
        file,
        api.port(),
        CHAT,
        "url: " + pg.urlOf(db) + "\nuser: " + pg.user() + "\n" + password,
        webhookPort);
    CommandLine cli = Main.commandLine(env);
    StringWriter err = new StringWriter();
    cli.setErr(new PrintWriter(err, true));
    run = (RunCommand) Objects.requireNonNull(cli.getSubcommands().get("run")).getCommand();
    exit = CompletableFuture.supplyAsync(() -> cli.execute("run", "--config", file.toString()));

    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .ignoreExceptions()
        .until(() -> get("/health").path("status").asText(), "up"::equals);
    assertThat(postFailure("pg-delivery-1").statusCode()).isEqualTo(202);

    JsonNode sent = api.awaitRequest("sendMessage", 1, Duration.ofSeconds(30));
    assertThat(sent.path("chat_id").asText()).isEqualTo(CHAT);
    assertThat(sent.path("text").asText()).containsAnyOf("@bobs", "@alice_d");
    assertThat(postFailure("pg-delivery-1").statusCode()).isEqualTo(200);

    Objects.requireNonNull(run).stop();
    assertThat(Objects.requireNonNull(exit).join()).as(err.toString()).isZero();
    run = null;

    assertThat(api.requests("sendMessage")).hasSize(1);
    DatabaseTarget target = new DatabaseTarget.Postgres(pg.urlOf(db), pg.user(), pg.password());
    try (Storage storage = Storage.open(target, Clock.systemUTC())) {
      assertThat(storage.database().vendor()).isEqualTo(Vendor.POSTGRESQL);
      assertThat(storage.alerts().count()).isEqualTo(1);
      assertThat(storage.alerts().findByDedupKey("github:pg-delivery-1")).isPresent();
    }
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
