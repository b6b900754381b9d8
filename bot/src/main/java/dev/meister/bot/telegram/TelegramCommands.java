package dev.meister.bot.telegram;

import java.util.List;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;

/** The command menu Telegram shows when someone types "/" in a chat with the bot. */
public final class TelegramCommands {
  static final List<BotCommand> MENU =
      List.of(
          new BotCommand("whoisoncall", "Who is on call right now, and until when"),
          new BotCommand("schedule", "Upcoming on-call shifts"),
          new BotCommand("ack", "Acknowledge the alert you are replying to"),
          new BotCommand("issue", "File a GitHub issue for the alert you are replying to"),
          new BotCommand("resolve", "Log why the alert broke and what was done: REASON | SOLUTION"),
          new BotCommand("postmortem", "The last breaks with reason, issue and solution"),
          new BotCommand("top", "The most common failures of the last days"),
          new BotCommand("help", "What I can do and how to ask"));

  private final TelegramApi api;

  public TelegramCommands(TelegramApi api) {
    this.api = api;
  }

  /**
   * Publishes {@link #MENU} with {@code setMyCommands}.
   *
   * @throws dev.meister.core.chat.ChatDeliveryException if Telegram does not take it
   */
  public void register() {
    api.execute("setMyCommands", SetMyCommands.builder().commands(MENU).build());
  }
}
