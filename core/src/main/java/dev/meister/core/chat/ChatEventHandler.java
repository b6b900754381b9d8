package dev.meister.core.chat;

/** Port: where adapters deliver inbound events; the bot's command dispatcher implements it. */
@FunctionalInterface
public interface ChatEventHandler {
  void handle(ChatEvent event);
}
