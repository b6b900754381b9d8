package dev.meister.core.chat;

/** Port: where adapters deliver inbound events; the bot's command pipeline implements it. */
@FunctionalInterface
public interface ChatEventHandler {
  void handle(ChatEvent event);
}
