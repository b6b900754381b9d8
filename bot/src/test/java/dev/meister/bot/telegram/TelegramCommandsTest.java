package dev.meister.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meister.core.chat.ChatDeliveryException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator.ReplaceUnderscores;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(ReplaceUnderscores.class)
class TelegramCommandsTest {
  private static final String TOKEN = "123456:SECRET-token_value";

  private FakeTelegramApi telegram;
  private TelegramApi api;

  @BeforeEach
  void start() throws Exception {
    telegram = new FakeTelegramApi(TOKEN);
    api = new TelegramApi(TOKEN, telegram.url());
  }

  @AfterEach
  void stop() {
    api.close();
    telegram.close();
  }

  @Test
  void registers_each_command_with_a_description() {
    new TelegramCommands(api).register();

    assertThat(telegram.onlyRequest("setMyCommands").path("commands").toString())
        .isEqualTo(
            "["
                + "{\"command\":\"whoisoncall\",\"description\":\"Who is on call right now, and until when\"},"
                + "{\"command\":\"schedule\",\"description\":\"Upcoming on-call shifts\"},"
                + "{\"command\":\"ack\",\"description\":\"Acknowledge the alert you are replying to\"},"
                + "{\"command\":\"issue\",\"description\":"
                + "\"File a GitHub issue for the alert you are replying to\"},"
                + "{\"command\":\"resolve\",\"description\":"
                + "\"Log why the alert broke and what was done: REASON | SOLUTION\"},"
                + "{\"command\":\"postmortem\",\"description\":"
                + "\"The last breaks with reason, issue and solution\"},"
                + "{\"command\":\"top\",\"description\":\"The most common failures of the last days\"},"
                + "{\"command\":\"help\",\"description\":\"What I can do and how to ask\"}]");
  }

  @Test
  void reports_a_rejected_menu_as_not_retryable() {
    telegram.failNext(
        "setMyCommands",
        1,
        400,
        "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: BOT_COMMAND_INVALID\"}");

    assertThatThrownBy(() -> new TelegramCommands(api).register())
        .isInstanceOfSatisfying(
            ChatDeliveryException.class, e -> assertThat(e.retryable()).isFalse())
        .hasMessage("setMyCommands failed: [400] Bad Request: BOT_COMMAND_INVALID");
  }
}
