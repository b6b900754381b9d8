package dev.meister.bot.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meister.bot.config.ConfigLoader;
import dev.meister.bot.config.MeisterConfig;
import dev.meister.bot.config.Secret;
import dev.meister.bot.config.SecretPolicy;
import dev.meister.bot.config.ServerConfig;
import dev.meister.bot.metrics.PrometheusText;
import dev.meister.bot.telegram.FakeTelegramApi;
import dev.meister.bot.telegram.TelegramApi;
import dev.meister.bot.telegram.TelegramChatPort;
import dev.meister.bot.telegram.TelegramRenderer;
import dev.meister.bot.webhook.WebhookServer;
import dev.meister.testing.MutableClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /metrics} of a running bot over real HTTP: a signed GitHub webhook, SQLite, the outbox
 * and a fake Telegram Bot API; the scrape is parsed as the Prometheus text format.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class MetricsEndpointTest {
  private static final String TOKEN = "123:fake-telegram-token";
  private static final String SECRET = "hook-secret-do-not-show";
  private static final String METRICS_TOKEN = "scrape-token-do-not-show";
  private static final String CHAT = "-1009876543210";

  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T09:00:00Z"));
  private final HttpClient http = HttpClient.newHttpClient();
  private FakeTelegramApi telegram;
  private Meister meister;
  private TelegramApi api;
  private BotRuntime runtime;
  private WebhookServer webhooks;

  @BeforeEach
  void start() throws Exception {
    telegram = new FakeTelegramApi(TOKEN);
    Path file = dir.resolve("meister.yml");
    Files.writeString(
        file,
        """
        team:
          members:
            alice: { name: Alice Doe, telegram: alice_d, telegram_id: 100001, roles: [team_lead] }
            bob:   { name: Bob Stone, telegram: bobs, telegram_id: 100002 }
        rotations:
          buildmeister:
            name: Buildmeister
            zone: Europe/Berlin
            shift: 2w
            handoff: { day: monday, time: "11:00" }
            anchor: 2026-11-16
            roster: [bob, alice]
            chat: telegram/build-alerts
        chats:
          telegram:
            token: ${TELEGRAM_BOT_TOKEN}
            chats:
              build-alerts: { chat_id: %s }
        routes:
          - name: builds
            match: { source: github }
            rotation: buildmeister
        """
            .formatted(CHAT));
    MeisterConfig cfg =
        new ConfigLoader(Map.of("TELEGRAM_BOT_TOKEN", TOKEN)).load(file, SecretPolicy.REQUIRED);
    meister = Meister.open(cfg, dir.resolve("meister.db"), clock);
    api = new TelegramApi(TOKEN, telegram.url());
    runtime =
        new BotRuntime(
            meister, List.of(new TelegramChatPort(api, new TelegramRenderer(cfg.team()))), clock);
    runtime.start(
        Start.none()
            .withWebhooks(
                new ServerConfig("127.0.0.1", 0, Secret.of(SECRET), Secret.absent(), false)
                    .withMetricsToken(Secret.of(METRICS_TOKEN))));
    webhooks = runtime.webhooks().orElseThrow();
  }

  @AfterEach
  void stop() {
    runtime.close();
    api.close();
    meister.close();
    telegram.close();
  }

  @Test
  void without_the_bearer_token_the_scrape_is_refused_401() throws Exception {
    HttpResponse<String> none = get(null);
    HttpResponse<String> wrong = get("Bearer not-the-token");
    HttpResponse<String> prefix = get("Bearer " + METRICS_TOKEN.substring(0, 5));
    HttpResponse<String> right = get("Bearer " + METRICS_TOKEN);

    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(none.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
    assertThat(none.body()).doesNotContain("meister_");
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(prefix.statusCode()).isEqualTo(401);
    assertThat(right.statusCode()).isEqualTo(200);
    assertThat(right.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("text/plain; version=0.0.4"));
  }

  @Test
  void a_signed_webhook_moves_the_webhook_counter_the_intake_histogram_and_the_outbox_gauges()
      throws Exception {
    PrometheusText before = scrape();

    assertThat(postFailure("delivery-1").statusCode()).isEqualTo(202);
    assertThat(postFailure("delivery-1").statusCode()).isEqualTo(200);
    clock.advance(Duration.ofSeconds(30));
    PrometheusText queued = scrape();

    Map<String, String> github = Map.of("source", "github");
    assertThat(before.count("meister_webhooks_total", Map.of("outcome", "queued"))).isZero();
    assertThat(
            queued.count("meister_webhooks_total", Map.of("source", "github", "outcome", "queued")))
        .isEqualTo(1.0);
    assertThat(
            queued.count(
                "meister_webhooks_total", Map.of("source", "github", "outcome", "duplicate")))
        .isEqualTo(1.0);
    assertThat(queued.type("meister_webhooks_total")).contains("counter");
    assertThat(queued.type("meister_webhook_intake_seconds")).contains("histogram");
    assertThat(queued.count("meister_webhook_intake_seconds_count", github)).isEqualTo(2.0);
    assertThat(
            queued.count(
                "meister_webhook_intake_seconds_bucket", Map.of("source", "github", "le", "+Inf")))
        .isEqualTo(2.0);
    Map<String, String> chat = Map.of("platform", "telegram", "chat", CHAT);
    assertThat(queued.count("meister_outbox_pending", chat)).isEqualTo(1.0);
    assertThat(queued.count("meister_outbox_oldest_pending_age_seconds", chat)).isEqualTo(30.0);

    runtime.worker().deliverDue();
    PrometheusText delivered = scrape();

    assertThat(
            delivered.count(
                "meister_outbox_deliveries_total",
                Map.of("platform", "telegram", "outcome", "delivered")))
        .isEqualTo(1.0);
    // The chat's queue emptied: its rows go rather than stay at their last values.
    assertThat(delivered.value("meister_outbox_pending", chat)).isEmpty();
    assertThat(delivered.value("meister_outbox_oldest_pending_age_seconds", chat)).isEmpty();
  }

  @Test
  void a_429_counts_a_rate_limited_retry_and_the_wait_the_chat_asked_for() throws Exception {
    telegram.rateLimitNext("sendMessage", 1, 7);
    postFailure("delivery-429");

    runtime.worker().deliverDue();
    PrometheusText text = scrape();

    Map<String, String> telegramTag = Map.of("platform", "telegram");
    assertThat(
            text.count(
                "meister_outbox_retries_total",
                Map.of("platform", "telegram", "reason", "rate_limited")))
        .isEqualTo(1.0);
    assertThat(text.count("meister_outbox_rate_limit_wait_seconds_count", telegramTag))
        .isEqualTo(1.0);
    assertThat(text.count("meister_outbox_rate_limit_wait_seconds_sum", telegramTag))
        .isGreaterThanOrEqualTo(7.0);
    assertThat(
            text.count(
                "meister_outbox_deliveries_total",
                Map.of("platform", "telegram", "outcome", "delivered")))
        .isZero();
  }

  @Test
  void the_scrape_has_the_leader_the_chats_and_the_jvm_basics_and_never_a_secret()
      throws Exception {
    postFailure("delivery-2");
    String raw = get("Bearer " + METRICS_TOKEN).body();
    PrometheusText text = PrometheusText.parse(raw);

    assertThat(text.count("meister_leader", Map.of())).isEqualTo(1.0);
    assertThat(text.samples("meister_chat_state")).isNotEmpty();
    assertThat(text.samples("meister_chat_state").stream().mapToDouble(s -> s.value()).sum())
        .as("each chat is in exactly one state")
        .isEqualTo(text.samples("meister_chat_state").size() / 3.0);
    assertThat(text.samples("jvm_memory_used_bytes")).isNotEmpty();
    assertThat(text.samples("jvm_threads_live_threads")).isNotEmpty();
    assertThat(text.samples("jvm_gc_max_data_size_bytes")).isNotEmpty();
    assertThat(text.count("process_uptime_seconds", Map.of())).isPositive();
    assertThat(raw).doesNotContain(TOKEN).doesNotContain(SECRET).doesNotContain(METRICS_TOKEN);
    assertThat(raw).doesNotContain("fake-telegram-token").doesNotContain("do-not-show");
  }

  @Test
  void every_metric_served_is_documented_in_the_readme() throws Exception {
    postFailure("delivery-3");
    telegram.rateLimitNext("sendMessage", 1, 1);
    runtime.worker().deliverDue();
    String readme = Files.readString(Path.of("..", "README.md"));

    List<String> undocumented =
        scrape().families().stream()
            .map(f -> f.endsWith("_max") ? f.substring(0, f.length() - 4) : f)
            .filter(f -> !readme.contains(f))
            .toList();

    assertThat(undocumented).isEmpty();
  }

  private PrometheusText scrape() throws Exception {
    HttpResponse<String> response = get("Bearer " + METRICS_TOKEN);
    assertThat(response.statusCode()).isEqualTo(200);
    return PrometheusText.parse(response.body());
  }

  private HttpResponse<String> get(@Nullable String authorization) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + webhooks.port() + "/metrics"))
            .GET();
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> postFailure(String delivery) throws Exception {
    byte[] body = GitHubDeliveries.failedRun();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + webhooks.port() + "/hooks/github"))
            .header("Content-Type", "application/json")
            .header("X-GitHub-Event", "workflow_run")
            .header("X-GitHub-Delivery", delivery)
            .header("X-Hub-Signature-256", GitHubDeliveries.sign(SECRET, body))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
