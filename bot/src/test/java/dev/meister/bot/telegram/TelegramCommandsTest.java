package dev.meister.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meister.core.chat.ChatDeliveryException;
import dev.meister.core.chat.CommandHandler;
import dev.meister.core.chat.CommandReply;
import dev.meister.core.chat.CommandRequest;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator.ReplaceUnderscores;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;

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
  void registers_each_command_with_its_help_line_in_order() {
    new TelegramCommands(
            api,
            List.of(
                command("whoisoncall", "who is on call right now, and until when"),
                command("schedule", "upcoming on-call shifts")))
        .register();

    assertThat(telegram.onlyRequest("setMyCommands").path("commands").toString())
        .isEqualTo(
            "["
                + "{\"command\":\"whoisoncall\",\"description\":"
                + "\"Who is on call right now, and until when\"},"
                + "{\"command\":\"schedule\",\"description\":\"Upcoming on-call shifts\"}]");
  }

  @Test
  void leaves_out_a_name_telegram_would_refuse_rather_than_lose_the_whole_menu() {
    List<BotCommand> menu =
        TelegramCommands.menu(
            List.of(
                command("ack", "say you are looking"),
                command("ack-nudges", "a name with a dash"),
                command("Status", "upper case"),
                command("x".repeat(33), "too long a name"),
                command("top", "the most common failures")));

    assertThat(menu).extracting(BotCommand::getCommand).containsExactly("ack", "top");
  }

  @Test
  void cuts_a_long_description_to_telegrams_256_characters_and_fills_an_empty_one() {
    List<BotCommand> menu =
        TelegramCommands.menu(List.of(command("long", "y".repeat(300)), command("blank", "  ")));

    assertThat(menu.get(0).getDescription())
        .hasSize(TelegramCommands.MAX_DESCRIPTION)
        .startsWith("Yyy")
        .endsWith("y\u2026");
    assertThat(menu.get(1).getDescription()).isEqualTo("-");
  }

  @Test
  void publishes_at_most_telegrams_100_commands() {
    List<CommandHandler> many =
        IntStream.range(0, 120).mapToObj(i -> command("c" + i, "command " + i)).toList();

    new TelegramCommands(api, many).register();

    JsonNode commands = telegram.onlyRequest("setMyCommands").path("commands");
    assertThat(commands).hasSize(TelegramCommands.MAX_COMMANDS);
    assertThat(commands.get(99).path("command").asText()).isEqualTo("c99");
  }

  @Test
  void publishes_nothing_without_commands() {
    new TelegramCommands(api, List.of()).register();

    assertThat(telegram.requests("setMyCommands")).isEmpty();
  }

  @Test
  void reports_a_rejected_menu_as_not_retryable() {
    telegram.failNext(
        "setMyCommands",
        1,
        400,
        "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: BOT_COMMAND_INVALID\"}");

    assertThatThrownBy(
            () -> new TelegramCommands(api, List.of(command("help", "every command"))).register())
        .isInstanceOfSatisfying(
            ChatDeliveryException.class, e -> assertThat(e.retryable()).isFalse())
        .hasMessage("setMyCommands failed: [400] Bad Request: BOT_COMMAND_INVALID");
  }

  static CommandHandler command(String name, String summary) {
    return new CommandHandler() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public String usage() {
        return "/" + name;
      }

      @Override
      public String summary() {
        return summary;
      }

      @Override
      public CommandReply handle(CommandRequest request) {
        return CommandReply.plain(name);
      }
    };
  }
}
