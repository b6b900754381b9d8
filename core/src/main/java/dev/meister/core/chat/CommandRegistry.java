package dev.meister.core.chat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The commands the bot answers, by name, in the order {@code /help} lists them. */
public final class CommandRegistry {
  private final Map<String, CommandHandler> handlers = new LinkedHashMap<>();

  public CommandRegistry register(CommandHandler handler) {
    if (handlers.putIfAbsent(handler.name(), handler) != null) {
      throw new IllegalArgumentException("command /" + handler.name() + " is registered twice");
    }
    return this;
  }

  public Optional<CommandHandler> find(String name) {
    return Optional.ofNullable(handlers.get(name));
  }

  public List<CommandHandler> all() {
    return new ArrayList<>(handlers.values());
  }
}
