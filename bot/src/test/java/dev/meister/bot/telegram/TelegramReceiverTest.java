package dev.meister.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meister.core.chat.ChatDeliveryException;
import dev.meister.core.chat.ChatEvent;
import dev.meister.core.chat.ChatLink;
import dev.meister.core.chat.RetryDelays;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator.ReplaceUnderscores;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(ReplaceUnderscores.class)
class TelegramReceiverTest {
  private static final String TOKEN = "123456:SECRET-token_value";
  private static final String SERVED = "-1001234567890";
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String ALICE =
      "\"from\":{\"id\":11,\"is_bot\":false,\"first_name\":\"Alice\"}";

  private final BlockingQueue<ChatEvent> received = new LinkedBlockingQueue<>();
  private FakeTelegramApi telegram;
  private TelegramApi api;
  private TelegramReceiver receiver;

  @BeforeEach
  void start() throws Exception {
    telegram = new FakeTelegramApi(TOKEN);
    api = new TelegramApi(TOKEN, telegram.url());
    receiver =
        new TelegramReceiver(
            api,
            Set.of(SERVED),
            event -> {
              if (event instanceof ChatEvent.Command c && c.name().equals("boom")) {
                throw new IllegalStateException("handler failed");
              }
              received.add(event);
            });
  }

  @AfterEach
  void stop() {
    receiver.close();
    api.close();
    telegram.close();
  }

  @Test
  void hands_a_polled_command_to_the_handler() throws Exception {
    telegram.queueUpdate(command(SERVED, 5, "/whoisoncall@MeisterBot hausmeister"));

    receiver.start();

    ChatEvent event = next();
    assertThat(event)
        .isInstanceOfSatisfying(
            ChatEvent.Command.class,
            c -> {
              assertThat(c.name()).isEqualTo("whoisoncall");
              assertThat(c.args()).containsExactly("hausmeister");
              assertThat(c.chat().chatId()).isEqualTo(SERVED);
            });
  }

  @Test
  void ignores_chats_that_are_not_configured() throws Exception {
    telegram.queueUpdate(command("-1009999999999", 5, "/help"));
    telegram.queueUpdate(command(SERVED, 6, "/schedule"));

    receiver.start();

    assertThat(next()).extracting(ChatEvent::message).extracting(m -> m.messageId()).isEqualTo("6");
    assertThat(received).isEmpty();
  }

  @Test
  void keeps_polling_after_the_handler_fails_on_one_update() throws Exception {
    telegram.queueUpdate(command(SERVED, 5, "/boom"));
    telegram.queueUpdate(command(SERVED, 6, "/help"));

    receiver.start();

    assertThat(next())
        .isInstanceOfSatisfying(
            ChatEvent.Command.class, c -> assertThat(c.name()).isEqualTo("help"));
  }

  @Test
  void keeps_polling_for_updates_that_arrive_later() throws Exception {
    receiver.start();
    telegram.awaitRequest("getUpdates", 2, WAIT);

    telegram.queueUpdate(command(SERVED, 7, "/ack"));

    assertThat(next()).isInstanceOf(ChatEvent.Command.class);
  }

  @Test
  void confirms_handled_updates_so_telegram_does_not_send_them_again() throws Exception {
    telegram.queueUpdate(command(SERVED, 5, "/help"));
    receiver.start();
    next();

    telegram.queueUpdate(command(SERVED, 6, "/schedule"));

    assertThat(next().message().messageId()).isEqualTo("6");
    // The poll after update 5 confirms it with offset 2; by now a later poll (offset 3, confirming
    // update 6) may already have gone out, so look for the confirmation rather than the last poll.
    assertThat(telegram.requests("getUpdates"))
        .anySatisfy(poll -> assertThat(poll.path("offset").asInt()).isEqualTo(2))
        .allSatisfy(poll -> assertThat(poll.path("offset").asInt()).isLessThanOrEqualTo(3));
  }

  @Test
  void refuses_to_start_with_a_token_telegram_rejects_without_naming_the_token() {
    try (TelegramApi wrongToken = new TelegramApi("654321:WRONG-token", telegram.url())) {
      TelegramReceiver wrong = new TelegramReceiver(wrongToken, Set.of(SERVED), received::add);

      assertThatThrownBy(wrong::start)
          .isInstanceOfSatisfying(
              ChatDeliveryException.class, e -> assertThat(e.retryable()).isFalse())
          .hasMessage("getMe failed: [401] Unauthorized");
    }
  }

  @Test
  void publishes_the_command_menu_at_start() {
    TelegramReceiver withMenu =
        new TelegramReceiver(
            api,
            Set.of(SERVED),
            received::add,
            List.of(
                TelegramCommandsTest.command("whoisoncall", "who is on call"),
                TelegramCommandsTest.command("help", "every command")),
            new ChatLink("telegram"),
            RetryDelays.CHAT);
    try {
      withMenu.start();

      JsonNode menu = telegram.onlyRequest("setMyCommands");
      assertThat(menu.path("commands").findValuesAsText("command"))
          .containsExactly("whoisoncall", "help");
      assertThat(menu.path("commands").findValuesAsText("description"))
          .containsExactly("Who is on call", "Every command");
    } finally {
      withMenu.close();
    }
  }

  @Test
  void answers_a_button_press_from_an_unconfigured_chat_so_it_stops_spinning() throws Exception {
    telegram.queueUpdate(
        "{\"callback_query\":{\"id\":\"cbq-9\","
            + ALICE
            + ",\"chat_instance\":\"ci\",\"data\":\"ack:a-1\",\"message\":{\"message_id\":100,"
            + "\"date\":1700000000,\"chat\":{\"id\":-1009999999999,\"type\":\"supergroup\"}}}}");

    receiver.start();

    JsonNode answer = telegram.awaitRequest("answerCallbackQuery", 1, WAIT);
    assertThat(answer.path("callback_query_id").asText()).isEqualTo("cbq-9");
    assertThat(received).isEmpty();
  }

  @Test
  void asks_only_for_messages_and_button_presses() throws Exception {
    receiver.start();

    JsonNode poll = telegram.awaitRequest("getUpdates", 1, WAIT);
    assertThat(poll.path("allowed_updates").toString())
        .isEqualTo("[\"message\",\"callback_query\"]");
  }

  private ChatEvent next() throws InterruptedException {
    ChatEvent event = received.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    assertThat(event).as("event within %s", WAIT).isNotNull();
    return event;
  }

  private static String command(String chatId, int messageId, String text) {
    return "{\"message\":{\"message_id\":"
        + messageId
        + ",\"date\":1700000000,"
        + "\"chat\":{\"id\":"
        + chatId
        + ",\"type\":\"supergroup\"},"
        + ALICE
        + ",\"text\":\""
        + text
        + "\"}}";
  }
}
