package dev.meister.bot.telegram;

import dev.meister.core.chat.CommandHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;

/**
 * The command menu Telegram shows when someone types "/" in a chat with the bot: every command the
 * bot answers, in {@code /help}'s order, each with its {@code /help} line. Built from the handlers
 * rather than written out, so a new command cannot be missing from the menu.
 */
public final class TelegramCommands {
  private static final Logger LOG = LoggerFactory.getLogger(TelegramCommands.class);

  /** Telegram's rules for a {@code BotCommand}: 1–32 of a-z, 0-9 and _. */
  private static final Pattern NAME = Pattern.compile("[a-z0-9_]{1,32}");

  /** Telegram takes at most 100 commands, each described in 1–256 characters. */
  static final int MAX_COMMANDS = 100;

  static final int MAX_DESCRIPTION = 256;

  private final TelegramApi api;
  private final List<BotCommand> menu;

  /**
   * @param commands what the bot answers; a name Telegram would refuse is left out of the menu
   *     (typed, it still works) rather than making Telegram refuse the whole menu
   */
  public TelegramCommands(TelegramApi api, List<CommandHandler> commands) {
    this.api = api;
    this.menu = menu(commands);
  }

  static List<BotCommand> menu(List<CommandHandler> commands) {
    List<BotCommand> menu = new ArrayList<>();
    for (CommandHandler c : commands) {
      if (!NAME.matcher(c.name()).matches()) {
        LOG.warn("Telegram: /{} is left out of the command menu: not a valid name", c.name());
      } else if (menu.size() == MAX_COMMANDS) {
        LOG.warn("Telegram: /{} is left out of the command menu: it is full", c.name());
      } else {
        menu.add(new BotCommand(c.name(), describe(c.summary())));
      }
    }
    return List.copyOf(menu);
  }

  /** The {@code /help} line, capitalised as a menu entry, within Telegram's length. */
  private static String describe(String summary) {
    String s = summary.strip();
    if (s.isEmpty()) {
      return "-";
    }
    s = s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    return s.length() <= MAX_DESCRIPTION ? s : s.substring(0, MAX_DESCRIPTION - 1) + "\u2026";
  }

  /**
   * Publishes the menu with {@code setMyCommands}; with no commands there is nothing to publish.
   *
   * @throws dev.meister.core.chat.ChatDeliveryException if Telegram does not take it
   */
  public void register() {
    if (menu.isEmpty()) {
      return;
    }
    api.execute("setMyCommands", SetMyCommands.builder().commands(menu).build());
  }
}
