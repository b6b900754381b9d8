package dev.meister.bot.app;

import dev.meister.bot.config.MeisterConfig;
import dev.meister.core.chat.ChatPort;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** The chats the bot talks to: those configured for {@code run}, or fixed ports (demo, tests). */
record Chats(List<ChatAdapter> adapters) {
  Chats {
    adapters = List.copyOf(adapters);
  }

  /** Every chat of the configuration that is enabled and has its token. */
  static Chats configured(MeisterConfig config, Clock clock) {
    List<ChatAdapter> adapters = new ArrayList<>();
    TelegramChat.configured(config).ifPresent(adapters::add);
    SlackChat.configured(config, clock).ifPresent(adapters::add);
    DiscordChat.configured(config).ifPresent(adapters::add);
    return new Chats(adapters);
  }

  /** Ports that need no connecting. */
  static Chats fixed(List<ChatPort> ports) {
    return new Chats(ports.stream().map(ChatAdapter::fixed).toList());
  }

  List<ChatPort> ports() {
    return adapters.stream().map(ChatAdapter::port).toList();
  }
}
