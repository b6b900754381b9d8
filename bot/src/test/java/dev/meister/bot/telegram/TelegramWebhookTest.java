package dev.meister.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meister.bot.webhook.WebhookServer;
import dev.meister.core.alert.Intake;
import dev.meister.core.chat.ChatEvent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** Telegram's webhook mode: updates POSTed to our server, checked by the secret token. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TelegramWebhookTest {
  private static final String TOKEN = "123:webhook-token";
  private static final String SECRET = "tg-hook-secret";
  private static final String CHAT = "-1001234567890";

  private final List<ChatEvent> events = new CopyOnWriteArrayList<>();
  private final HttpClient http = HttpClient.newHttpClient();
  private FakeTelegramApi telegram;
  private TelegramApi api;
  private WebhookServer server;

  @BeforeEach
  void start() throws Exception {
    telegram = new FakeTelegramApi(TOKEN);
    api = new TelegramApi(TOKEN, telegram.url());
    TelegramWebhook endpoint =
        TelegramWebhook.connect(
            api,
            "https://meister.example.org" + TelegramWebhook.PATH,
            SECRET,
            Set.of(CHAT),
            events::add,
            List.of(TelegramCommandsTest.command("help", "every command")));
    server =
        new WebhookServer(List.of(endpoint), e -> new Intake(null, false), Map.of())
            .start("127.0.0.1", 0);
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
    api.close();
    telegram.close();
  }

  private HttpResponse<String> post(@Nullable String secretHeader, String update) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + TelegramWebhook.PATH))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(update));
    if (secretHeader != null) {
      request.header(TelegramWebhook.SECRET_HEADER, secretHeader);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String command(String chat, String text) {
    return """
        {"update_id": 7, "message": {"message_id": 42, "date": 1764061200, "text": "%s",
          "entities": [{"type": "bot_command", "offset": 0, "length": 12}],
          "from": {"id": 100002, "is_bot": false, "first_name": "Bob", "username": "bobs"},
          "chat": {"id": %s, "type": "supergroup", "title": "ops"}}}
        """
        .formatted(text, chat);
  }

  @Test
  void connecting_sets_the_webhook_with_its_secret_and_publishes_the_commands() {
    JsonNode set = telegram.onlyRequest("setwebhook");

    assertThat(set.path("url").asText()).isEqualTo("https://meister.example.org/hooks/telegram");
    assertThat(set.path("secret_token").asText()).isEqualTo(SECRET);
    assertThat(telegram.requests("setmycommands")).hasSize(1);
  }

  @Test
  void an_update_with_the_secret_reaches_the_chat_pipeline() throws Exception {
    HttpResponse<String> response = post(SECRET, command(CHAT, "/whoisoncall hausmeister"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(events)
        .singleElement()
        .isInstanceOfSatisfying(
            ChatEvent.Command.class,
            c -> {
              assertThat(c.name()).isEqualTo("whoisoncall");
              assertThat(c.args()).containsExactly("hausmeister");
              assertThat(c.sender().username()).isEqualTo("bobs");
            });
  }

  /** A server whose endpoint was never connected, as a follower's among several instances. */
  private WebhookServer follower() {
    TelegramWebhook endpoint =
        TelegramWebhook.serving(
            api,
            SECRET,
            Set.of(CHAT),
            events::add,
            List.of(TelegramCommandsTest.command("help", "every command")));
    return new WebhookServer(List.of(endpoint), e -> new Intake(null, false), Map.of())
        .start("127.0.0.1", 0);
  }

  @Test
  void an_endpoint_never_connected_asks_who_the_bot_is_once_and_takes_the_updates()
      throws Exception {
    int asked = telegram.requests("getme").size();
    try (WebhookServer follower = follower()) {
      server.close();
      server = follower;

      assertThat(post(SECRET, command(CHAT, "/whoisoncall hausmeister")).statusCode())
          .isEqualTo(200);
      assertThat(post(SECRET, command(CHAT, "/schedule hausmeister")).statusCode()).isEqualTo(200);
    }

    assertThat(events)
        .extracting(e -> ((ChatEvent.Command) e).name())
        .containsExactly("whoisoncall", "schedule");
    assertThat(telegram.requests("getme")).hasSize(asked + 1);
    assertThat(telegram.requests("setwebhook")).as("only the leader sets it").hasSize(1);
    assertThat(telegram.requests("setmycommands")).hasSize(1);
  }

  @Test
  void an_endpoint_never_connected_answers_503_while_telegram_cannot_say_who_the_bot_is()
      throws Exception {
    telegram.failNext(
        "getMe", 1, 502, "{\"ok\":false,\"error_code\":502,\"description\":\"Bad Gateway\"}");
    try (WebhookServer follower = follower()) {
      server.close();
      server = follower;

      assertThat(post(SECRET, command(CHAT, "/whoisoncall")).statusCode()).isEqualTo(503);
      assertThat(events).isEmpty();
      // Telegram delivers the update again; by then getMe answers.
      assertThat(post(SECRET, command(CHAT, "/whoisoncall")).statusCode()).isEqualTo(200);
    }
    assertThat(events).hasSize(1);
  }

  @Test
  void a_wrong_or_missing_secret_is_refused_and_nothing_is_handled() throws Exception {
    assertThat(post("guess", command(CHAT, "/whoisoncall")).statusCode()).isEqualTo(401);
    assertThat(post(null, command(CHAT, "/whoisoncall")).statusCode()).isEqualTo(401);

    assertThat(events).isEmpty();
  }

  @Test
  void an_unconfigured_chat_is_answered_but_ignored() throws Exception {
    HttpResponse<String> response = post(SECRET, command("-100999", "/whoisoncall"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(events).isEmpty();
  }

  @Test
  void a_malformed_update_is_a_bad_request() throws Exception {
    HttpResponse<String> response = post(SECRET, "{\"update_id\": \"seven\"");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(events).isEmpty();
  }
}
