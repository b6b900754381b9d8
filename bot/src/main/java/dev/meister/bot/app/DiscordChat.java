package dev.meister.bot.app;

import dev.meister.bot.config.DiscordConfig;
import dev.meister.bot.config.MeisterConfig;
import dev.meister.bot.discord.DiscordChatPort;
import dev.meister.bot.discord.DiscordGateway;
import dev.meister.bot.discord.DiscordInbound;
import dev.meister.bot.discord.DiscordRenderer;
import dev.meister.bot.discord.DiscordRest;
import dev.meister.bot.webhook.WebhookEndpoint;
import dev.meister.core.chat.ChatDispatcher;
import dev.meister.core.chat.ChatLink;
import dev.meister.core.chat.ChatPort;
import dev.meister.core.chat.CommandRegistry;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The Discord adapter as the root wires it: REST client and chat port first, then the gateway,
 * which connects in the background and publishes the slash commands the bot serves.
 */
final class DiscordChat implements ChatAdapter {
  private final DiscordConfig config;
  private final DiscordRest rest;
  private final ChatLink link = new ChatLink("discord");
  private final ChatPort port;
  private @Nullable DiscordGateway gateway;
  private @Nullable CommandRegistry commands;

  private DiscordChat(DiscordConfig config, MeisterConfig meister) {
    this.config = config;
    this.rest = new DiscordRest(config.token().reveal(), DiscordRest.OFFICIAL_URL);
    this.port =
        new LinkedChatPort(new DiscordChatPort(rest, new DiscordRenderer(meister.team())), link);
  }

  /** Present when {@code chats.discord} is enabled and its token is set. */
  static Optional<DiscordChat> configured(MeisterConfig config) {
    return config
        .chats()
        .discordConfig()
        .filter(d -> d.enabled() && d.token().isPresent())
        .map(d -> new DiscordChat(d, config));
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
    Set<String> channels =
        config.channels().values().stream().map(t -> t.ref().chatId()).collect(Collectors.toSet());
    this.gateway = new DiscordGateway(new DiscordInbound(channels, dispatcher), link);
    this.commands = commands;
    return List.of();
  }

  @Override
  public void connect() {
    DiscordGateway g = gateway;
    CommandRegistry c = commands;
    if (g != null && c != null) {
      g.start(config.token().reveal(), c.all());
    }
  }

  @Override
  public Optional<String> selfId() {
    DiscordGateway g = gateway;
    return g == null ? Optional.empty() : g.selfId();
  }

  @Override
  public Optional<String> lastFailure() {
    return rest.lastFailure();
  }

  @Override
  public void stopReceiving() {
    if (gateway != null) {
      gateway.close();
    }
  }

  @Override
  public void close() {
    stopReceiving();
    rest.close();
  }
}
