package dev.meister.bot.config;

import dev.meister.core.chat.ChatRef;
import dev.meister.core.chat.Platform;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The chat adapters and their named chats. An adapter not written in the file is absent; the
 * console is always available and accepts any name ({@code console/<anything>}).
 */
public record ChatsConfig(
    @Nullable TelegramConfig telegram,
    @Nullable SlackConfig slack,
    @Nullable DiscordConfig discord) {

  public static ChatsConfig none() {
    return new ChatsConfig(null, null, null);
  }

  public Optional<TelegramConfig> telegramConfig() {
    return Optional.ofNullable(telegram);
  }

  public Optional<SlackConfig> slackConfig() {
    return Optional.ofNullable(slack);
  }

  public Optional<DiscordConfig> discordConfig() {
    return Optional.ofNullable(discord);
  }

  /** The chat a reference such as {@code telegram/data-alerts} names, if it is defined. */
  public Optional<ChatTarget> target(String reference) {
    int slash = reference.indexOf('/');
    if (slash <= 0 || slash == reference.length() - 1) {
      return Optional.empty();
    }
    String adapter = reference.substring(0, slash);
    String name = reference.substring(slash + 1);
    if (adapter.equals("console")) {
      return Optional.of(
          new ChatTarget(Platform.CONSOLE, name, ChatRef.of(Platform.CONSOLE, name)));
    }
    Map<String, ChatTarget> named = named(adapter);
    return Optional.ofNullable(named.get(name));
  }

  /** The named chats of an adapter ({@code telegram}, {@code slack}, {@code discord}). */
  Map<String, ChatTarget> named(String adapter) {
    return switch (adapter) {
      case "telegram" -> telegram == null ? Map.of() : telegram.chats();
      case "slack" -> slack == null ? Map.of() : slack.channels();
      case "discord" -> discord == null ? Map.of() : discord.channels();
      default -> Map.of();
    };
  }

  static Map<String, ChatTarget> ordered(Map<String, ChatTarget> chats) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(chats));
  }
}
