package dev.meister.bot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meister.bot.config.ConfigLoader;
import dev.meister.bot.config.MeisterConfig;
import dev.meister.bot.config.Secret;
import dev.meister.bot.config.SecretPolicy;
import dev.meister.bot.config.ServerConfig;
import dev.meister.bot.telegram.FakeTelegramApi;
import dev.meister.bot.telegram.TelegramApi;
import dev.meister.bot.telegram.TelegramChatPort;
import dev.meister.bot.telegram.TelegramReceiver;
import dev.meister.bot.telegram.TelegramRenderer;
import dev.meister.bot.webhook.WebhookServer;
import dev.meister.testing.MutableClock;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole alert path on loopback: a signed GitHub webhook, SQLite, the outbox, a fake Telegram
 * Bot API, and the on-call's "👀 Looking" press coming back through long polling.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AlertFlowTest {
  private static final String TOKEN = "123:fake-token";
  private static final String SECRET = "hook-secret";
  private static final String CHAT = "-1009876543210";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private FakeTelegramApi telegram;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T09:00:00Z"));
  private final HttpClient http = HttpClient.newHttpClient();

  private Meister meister;
  private TelegramApi api;
  private BotRuntime runtime;
  private WebhookServer webhooks;
  private TelegramReceiver receiver;
  private final List<Runnable> killed = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    telegram = new FakeTelegramApi(TOKEN);
    boot();
  }

  private void boot() throws Exception {
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
        priority_rules:
          - name: deploys
            match: { source: github, workflow: deploy.yml }
            priority: high
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
                new ServerConfig("127.0.0.1", 0, Secret.of(SECRET), Secret.absent(), false)));
    webhooks = runtime.webhooks().orElseThrow();
    receiver = new TelegramReceiver(api, Set.of(CHAT), runtime.dispatcher());
    receiver.start();
  }

  @AfterEach
  void stop() throws Exception {
    shutDown();
    for (Runnable dead : killed) {
      dead.run();
    }
    telegram.close();
  }

  /**
   * Starts a second bot on the same database file while the first is left as it is, unclosed, as a
   * kill -9 leaves it: nothing it held in memory reaches the new one. It is closed at the end.
   */
  private void kill() throws Exception {
    TelegramReceiver deadReceiver = receiver;
    BotRuntime deadRuntime = runtime;
    TelegramApi deadApi = api;
    Meister deadMeister = meister;
    killed.add(
        () -> {
          deadReceiver.close();
          deadRuntime.close();
          deadApi.close();
          deadMeister.close();
        });
    boot();
  }

  private void shutDown() {
    receiver.close();
    runtime.close();
    api.close();
    meister.close();
  }

  @Test
  void a_failed_build_is_posted_once_tagging_the_on_call_and_a_press_on_looking_acknowledges_it()
      throws Exception {
    HttpResponse<String> first = postFailure("delivery-1");
    runtime.worker().deliverDue();
    HttpResponse<String> again = postFailure("delivery-1");
    runtime.worker().deliverDue();

    assertThat(first.statusCode()).isEqualTo(202);
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(again.body()).contains("\"duplicate\":true");
    JsonNode posted = telegram.onlyRequest("sendMessage");
    assertThat(posted.path("chat_id").asText()).isEqualTo(CHAT);
    assertThat(posted.path("text").asText())
        .contains("Build fail - octo-repo test (163)")
        .contains("@bobs");
    String callback =
        posted
            .path("reply_markup")
            .path("inline_keyboard")
            .get(0)
            .get(0)
            .path("callback_data")
            .asText();
    assertThat(callback).matches("ack:\\d+");

    telegram.queueUpdate(pressFrom(100002, "bobs", 100, callback));
    telegram.awaitRequest("answerCallbackQuery", 1, Duration.ofSeconds(10));
    runtime.worker().deliverDue();

    JsonNode reply = telegram.requests("sendMessage").get(1);
    assertThat(reply.path("text").asText()).contains("@bobs").contains("is looking into this");
    assertThat(reply.path("reply_parameters").path("message_id").asInt()).isEqualTo(100);
    JsonNode edit = telegram.onlyRequest("editMessageText");
    assertThat(edit.path("message_id").asInt()).isEqualTo(100);
    assertThat(edit.path("text").asText()).contains("Bob Stone is looking into this");
    assertThat(meister.storage().alerts().count()).isEqualTo(1);
  }

  @Test
  void replying_looking_to_an_alert_acknowledges_it_and_a_second_taker_is_told_who_has_it()
      throws Exception {
    postFailure("delivery-3");
    runtime.worker().deliverDue();
    int alertMessage = 100;

    telegram.queueUpdate(replyFrom(100001, "alice_d", 201, alertMessage, "looking"));
    awaitDelivered("editMessageText", 1);
    telegram.queueUpdate(replyFrom(100002, "bobs", 202, alertMessage, "on it"));
    awaitDelivered("sendMessage", 3);

    List<JsonNode> sent = telegram.requests("sendMessage");
    assertThat(sent.get(1).path("text").asText()).contains("@alice_d is looking into this");
    assertThat(sent.get(1).path("reply_parameters").path("message_id").asInt()).isEqualTo(201);
    assertThat(sent.get(2).path("text").asText())
        .startsWith("Alice Doe is already looking into this (since 10:00 CET)");
    assertThat(sent.get(2).path("reply_parameters").path("message_id").asInt()).isEqualTo(202);
  }

  @Test
  void a_message_pending_when_the_bot_stops_is_delivered_exactly_once_after_the_restart()
      throws Exception {
    telegram.failNext("sendMessage", 1, 502, "<html>Bad Gateway</html>");
    assertThat(postFailure("delivery-2").statusCode()).isEqualTo(202);
    runtime.worker().deliverDue();
    assertThat(telegram.requests("sendMessage")).hasSize(1);

    shutDown();
    clock.advance(Duration.ofSeconds(5));
    boot();
    runtime.worker().deliverDue();
    runtime.worker().deliverDue();

    assertThat(telegram.requests("sendMessage")).hasSize(2);
    assertThat(telegram.requests("sendMessage").get(1).path("text").asText())
        .contains("Build fail - octo-repo test (163)");
    assertThat(meister.storage().outbox().pendingCount()).isZero();
  }

  @Test
  void in_a_storm_the_chat_gets_its_burst_and_a_digest_but_a_high_priority_alert_its_own_post()
      throws Exception {
    List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> storm = new ArrayList<>();
    for (int i = 1; i <= 24; i++) {
      storm.add(
          http.sendAsync(request("storm-" + i, failedRun()), HttpResponse.BodyHandlers.ofString()));
    }
    for (var answer : storm) {
      assertThat(answer.get().statusCode()).isEqualTo(202);
    }
    assertThat(post("deploy", failedRun(".github/workflows/deploy.yml")).statusCode())
        .isEqualTo(202);

    runtime.worker().deliverDue();

    List<String> texts =
        telegram.requests("sendMessage").stream().map(m -> m.path("text").asText()).toList();
    // The burst of 10, the high-priority alert past the pace, and a digest of the other 14.
    assertThat(texts).hasSize(12);
    assertThat(texts.subList(0, 10)).allMatch(t -> t.contains("Build fail"));
    assertThat(texts.get(10)).contains("HIGHEST PRIORITY");
    assertThat(texts.get(11))
        .startsWith("<b>14 more failures in Buildmeister routes:</b>")
        .contains("Reply /ack ID to take one.");
    assertThat(meister.storage().outbox().pendingCount()).isZero();
  }

  @Test
  void after_a_kill_in_a_storm_the_chat_gets_no_second_burst_and_no_second_digest_that_minute()
      throws Exception {
    storm(1, 30);
    runtime.worker().deliverDue();
    assertThat(alertPosts()).hasSize(10);
    assertThat(digests()).hasSize(1);

    kill();
    // At 9 a minute a token takes 6.7 s to come back: one in these 7 s.
    clock.advance(Duration.ofSeconds(7));
    storm(31, 30);
    runtime.worker().deliverDue();

    assertThat(alertPosts())
        .as("alert posts in the minute, counting those before the kill")
        .hasSize(11);
    assertThat(digests()).as("digests in the minute").hasSize(1);

    clock.advance(Duration.ofSeconds(53));
    runtime.worker().deliverDue();
    assertThat(digests()).hasSize(2);
    assertThat(digests().get(1))
        .startsWith("<b>29 more failures in Buildmeister routes:</b>")
        .contains("#32 ", "#51 ")
        .doesNotContain("#52 ")
        .contains("… and 9 more.");
    assertThat(meister.storage().outbox().pendingCount()).isZero();
  }

  /** Signed failures with deliveries storm-{@code from} on, all at once. */
  private void storm(int from, int count) throws Exception {
    List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> storm = new ArrayList<>();
    for (int i = from; i < from + count; i++) {
      storm.add(
          http.sendAsync(request("storm-" + i, failedRun()), HttpResponse.BodyHandlers.ofString()));
    }
    for (var answer : storm) {
      assertThat(answer.get().statusCode()).isEqualTo(202);
    }
  }

  private List<String> alertPosts() {
    return texts().stream()
        .filter(t -> t.contains("Build fail - octo-repo") && !t.contains("more failure"))
        .toList();
  }

  private List<String> digests() {
    return texts().stream().filter(t -> t.contains("more failure")).toList();
  }

  private List<String> texts() {
    return telegram.requests("sendMessage").stream().map(m -> m.path("text").asText()).toList();
  }

  /** Runs delivery rounds until Telegram got the {@code n}-th {@code method} call. */
  private void awaitDelivered(String method, int n) throws InterruptedException {
    // Each poll runs one delivery round, as the worker's thread would.
    await(method + " call #" + n + " within 10 s")
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(20))
        .until(
            () -> {
              runtime.worker().deliverDue();
              return telegram.requests(method).size() >= n;
            });
  }

  private HttpResponse<String> postFailure(String delivery) throws Exception {
    return post(delivery, failedRun());
  }

  private HttpResponse<String> post(String delivery, byte[] body) throws Exception {
    return http.send(request(delivery, body), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest request(String delivery, byte[] body) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + webhooks.port() + "/hooks/github"))
            .header("Content-Type", "application/json")
            .header("X-GitHub-Event", "workflow_run")
            .header("X-GitHub-Delivery", delivery)
            .header("X-Hub-Signature-256", sign(body))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    return request;
  }

  private static byte[] failedRun() throws Exception {
    return failedRun(".github/workflows/test.yml");
  }

  private static byte[] failedRun(String workflowPath) throws Exception {
    try (InputStream in =
        AlertFlowTest.class.getResourceAsStream("/fixtures/github/workflow_run.completed.json")) {
      ObjectNode root = (ObjectNode) JSON.readTree(Objects.requireNonNull(in).readAllBytes());
      ((ObjectNode) root.get("workflow_run"))
          .put("conclusion", "failure")
          .put("path", workflowPath);
      return JSON.writeValueAsBytes(root);
    }
  }

  private static String sign(byte[] body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
  }

  private static String replyFrom(
      long userId, String username, int messageId, int to, String text) {
    return """
        {"message": {"message_id": %d, "date": 1764061300, "text": "%s",
          "from": {"id": %d, "is_bot": false, "first_name": "Someone", "username": "%s"},
          "chat": {"id": %s, "type": "supergroup", "title": "builds"},
          "reply_to_message": {"message_id": %d, "date": 1764061200, "text": "Build fail",
            "chat": {"id": %s, "type": "supergroup", "title": "builds"},
            "from": {"id": %d, "is_bot": true, "first_name": "Meister", "username": "%s"}}}}
        """
        .formatted(
            messageId,
            text,
            userId,
            username,
            CHAT,
            to,
            CHAT,
            FakeTelegramApi.BOT_ID,
            FakeTelegramApi.BOT_USERNAME);
  }

  private static String pressFrom(long userId, String username, int messageId, String data) {
    return """
        {"callback_query": {"id": "cb-%d", "chat_instance": "42", "data": "%s",
          "from": {"id": %d, "is_bot": false, "first_name": "Bob", "username": "%s"},
          "message": {"message_id": %d, "date": 1764061200, "text": "Build fail",
            "chat": {"id": %s, "type": "supergroup", "title": "builds"},
            "from": {"id": %d, "is_bot": true, "first_name": "Meister", "username": "%s"}}}}
        """
        .formatted(
            messageId,
            data,
            userId,
            username,
            messageId,
            CHAT,
            FakeTelegramApi.BOT_ID,
            FakeTelegramApi.BOT_USERNAME);
  }
}
