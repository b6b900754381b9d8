package dev.meister.bot.app;

import dev.meister.bot.webhook.WebhookEndpoint;
import dev.meister.core.chat.ChatDispatcher;
import dev.meister.core.chat.ChatLink;
import dev.meister.core.chat.ChatPort;
import dev.meister.core.chat.CommandRegistry;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A chat port that is there from the start and receives through someone else (a console). */
final class FixedChat implements ChatAdapter {
  private final ChatPort port;
  private final ChatLink link;

  FixedChat(ChatPort port) {
    this.port = port;
    this.link = ChatLink.alwaysUp(port.platform().name().toLowerCase(Locale.ROOT));
  }

  @Override
  public String name() {
    return link.name();
  }

  @Override
  public ChatPort port() {
    return port;
  }

  @Override
  public ChatLink link() {
    return link;
  }

  @Override
  public List<WebhookEndpoint> receive(ChatDispatcher dispatcher, CommandRegistry commands) {
    return List.of();
  }

  @Override
  public void connect() {}

  @Override
  public Optional<String> lastFailure() {
    return Optional.empty();
  }

  @Override
  public void close() {}
}
