package dev.meister.bot.app;

import dev.meister.bot.config.DiscordConfig;
import dev.meister.bot.config.MeisterConfig;
import dev.meister.bot.discord.DiscordChatPort;
import dev.meister.bot.discord.DiscordGateway;
import dev.meister.bot.discord.DiscordInbound;
import dev.meister.bot.discord.DiscordRenderer;
import dev.meister.bot.discord.DiscordRest;
import dev.meister.bot.webhook.HealthCheck;
import dev.meister.bot.webhook.HealthStatus;
import dev.meister.core.chat.ChatPort;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The Discord adapter as {@code meister run} connects it: REST client and chat port first, then
 * the gateway, which publishes the slash commands the runtime serves.
 */
final class DiscordChat implements AutoCloseable {
  private final DiscordConfig config;
  private final DiscordRest rest;
  private final ChatPort port;

  private DiscordChat(DiscordConfig config, MeisterConfig meister) {
    this.config = config;
    this.rest = new DiscordRest(config.token().reveal(), DiscordRest.OFFICIAL_URL);
    this.port = new DiscordChatPort(rest, new DiscordRenderer(meister.team()));
  }

  /** Present when {@code chats.discord} is enabled and its token is set. */
  static Optional<DiscordChat> configured(MeisterConfig config) {
    return config.chats().discordConfig()
        .filter(d -> d.enabled() && d.token().isPresent())
        .map(d -> new DiscordChat(d, config));
  }

  ChatPort port() {
    return port;
  }

  void connect(BotRuntime runtime, Map<String, HealthCheck> checks) {
    Set<String> channels = config.channels().values().stream()
        .map(t -> t.ref().chatId()).collect(Collectors.toSet());
    DiscordGateway gateway =
        new DiscordGateway(new DiscordInbound(channels, runtime.dispatcher()));
    runtime.own(gateway);
    gateway.start(config.token().reveal(), runtime.commands().all());
    checks.put("discord", () -> rest.lastFailure()
        .map(HealthStatus::unhealthy).orElseGet(HealthStatus::healthy));
  }

  @Override
  public void close() {
    rest.close();
  }
}
