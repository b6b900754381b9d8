package dev.meister.bot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meister.bot.telegram.FakeTelegramApi;
import dev.meister.core.alert.StormGuard;
import dev.meister.testing.PostgresTestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator.ReplaceUnderscores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code meister run} processes on one PostgreSQL database (issue #16, "Several instances"),
 * the short version of {@code bench/failover.sh}: one leads and posts, the other serves webhooks as
 * a follower; the leader is killed with SIGKILL in the middle of a burst spread over both; the
 * follower takes over within the lease, and every webhook that got a 202 is posted, once — at most
 * one message twice, the one the chat may have accepted just before the kill.
 */
@DisplayNameGeneration(ReplaceUnderscores.class)
class FailoverTest {
  private static final String TOKEN = "4545:failover-token";
  private static final String SECRET = "failover-secret";
  private static final String CHAT = "-1003000000045";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Short, so the test takes seconds; the default is 10 s. */
  private static final Duration LEASE = Duration.ofSeconds(3);

  @TempDir Path dir;

  private final HttpClient http = HttpClient.newHttpClient();
  private final List<Process> processes = new ArrayList<>();
  private @Nullable FakeTelegramApi telegram;
  private @Nullable PostgresTestServer server;
  private @Nullable String database;

  @AfterEach
  void stop() throws Exception {
    for (Process p : processes) {
      p.destroyForcibly();
      p.waitFor(20, TimeUnit.SECONDS);
    }
    if (telegram != null) {
      telegram.close();
    }
    if (server != null && database != null) {
      server.drop(database);
    }
  }

  @Test
  void the_follower_takes_over_from_a_killed_leader_and_every_accepted_webhook_is_posted_once()
      throws Exception {
    Optional<PostgresTestServer> configured = PostgresTestServer.configured();
    Assumptions.assumeTrue(
        configured.isPresent(), PostgresTestServer.SWITCH_ENV + "=off: PostgreSQL runs skipped");
    PostgresTestServer pg = configured.get();
    server = pg;
    String db = pg.createEmpty();
    database = db;
    FakeTelegramApi fake = new FakeTelegramApi(TOKEN);
    telegram = fake;
    int portA = GitHubDeliveries.freePort();
    int portB = GitHubDeliveries.freePort();

    Process a = start(writeConfig("a", portA, fake.port(), pg, db), "a");
    awaitRole(portA, "leader", "a");
    start(writeConfig("b", portB, fake.port(), pg, db), "b");
    awaitRole(portB, "follower", "a");
    assertThat(health(portB).path("status").asText())
        .as("a follower is up: its chats are the leader's to connect")
        .isEqualTo("up");

    // A burst spread over both instances; the follower's alerts are posted by the leader. The
    // whole test sends no more than the chat's burst, so every alert gets its own message.
    int accepted = 0;
    for (int i = 1; i <= 6; i++) {
      assertThat(postFailure(i % 2 == 0 ? portA : portB, "burst-" + i)).isEqualTo(202);
      accepted++;
    }
    fake.awaitRequest("sendMessage", 3, Duration.ofSeconds(30));

    a.destroyForcibly(); // SIGKILL, in the middle: some of the burst is still queued
    long killed = System.nanoTime();
    assertThat(a.waitFor(20, TimeUnit.SECONDS)).isTrue();
    for (int i = 7; i <= StormGuard.CHAT_BURST; i++) {
      assertThat(postFailure(portB, "burst-" + i))
          .as("the follower still takes webhooks")
          .isEqualTo(202);
      accepted++;
    }

    awaitRole(portB, "leader", "b");
    Duration takeover = Duration.ofNanos(System.nanoTime() - killed);
    assertThat(takeover).as("takeover after the kill").isLessThan(LEASE.plusSeconds(3));

    int all = accepted;
    await("every accepted webhook delivered")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> count(pg, db, "SELECT count(*) FROM outbox WHERE state = 'delivered'") >= all);
    assertThat(count(pg, db, "SELECT count(*) FROM alerts")).isEqualTo(accepted);
    assertThat(count(pg, db, "SELECT count(*) FROM outbox WHERE state <> 'delivered'")).isZero();
    assertThat(
            fake.requests("sendMessage").stream()
                .filter(m -> m.path("chat_id").asText().equals(CHAT)))
        .as("alert messages: one each, and at most one twice (sent just before the kill)")
        .hasSizeBetween(accepted, accepted + 1);

    // The killed instance comes back as a follower: the lead stays where it is.
    start(writeConfig("a", portA, fake.port(), pg, db), "a-again");
    awaitRole(portA, "follower", "b");
    assertThat(health(portB).path("role").asText()).isEqualTo("leader");
  }

  private Process start(Path config, String name) throws Exception {
    java.util.Map<String, String> env = new java.util.HashMap<>();
    env.put("TELEGRAM_BOT_TOKEN", TOKEN);
    env.put("GITHUB_WEBHOOK_SECRET", SECRET);
    String password = Objects.requireNonNull(server).password();
    if (password != null) {
      env.put("MEISTER_DB_PASSWORD", password);
    }
    Process p = RunProcess.start(config, env, dir.resolve(name + ".log"));
    processes.add(p);
    return p;
  }

  private Path writeConfig(
      String instance, int port, int telegramPort, PostgresTestServer pg, String db)
      throws Exception {
    Path file = dir.resolve(instance + ".yml");
    RunConfigs.buildmeisterOnTelegram(
        file,
        telegramPort,
        CHAT,
        String.join(
            "\n",
            "url: " + pg.urlOf(db),
            "user: " + pg.user(),
            pg.password() == null ? "" : "password: ${MEISTER_DB_PASSWORD}",
            "instance_id: " + instance,
            "lease: " + LEASE.toSeconds() + "s"),
        port);
    return file;
  }

  private void awaitRole(int port, String role, String leader) {
    await("instance on " + port + " is the " + role + " with " + leader + " leading")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(100))
        .ignoreExceptions()
        .until(
            () -> {
              JsonNode h = health(port);
              return h.path("role").asText().equals(role)
                  && h.path("leader").asText().equals(leader);
            });
  }

  private JsonNode health(int port) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
            HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(r.body());
  }

  private int postFailure(int port, String delivery) throws Exception {
    byte[] body = GitHubDeliveries.failedRun();
    return http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/hooks/github"))
                .header("Content-Type", "application/json")
                .header("X-GitHub-Event", "workflow_run")
                .header("X-GitHub-Delivery", delivery)
                .header("X-Hub-Signature-256", GitHubDeliveries.sign(SECRET, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .statusCode();
  }

  private static long count(PostgresTestServer pg, String db, String sql) throws Exception {
    try (Connection c = DriverManager.getConnection(pg.urlOf(db), pg.user(), pg.password());
        PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
