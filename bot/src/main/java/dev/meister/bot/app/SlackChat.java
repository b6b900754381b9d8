package dev.meister.bot.app;

import dev.meister.bot.config.MeisterConfig;
import dev.meister.bot.config.SlackConfig;
import dev.meister.bot.config.SlackMode;
import dev.meister.bot.slack.SlackApi;
import dev.meister.bot.slack.SlackChatPort;
import dev.meister.bot.slack.SlackReceiver;
import dev.meister.bot.slack.SlackRenderer;
import dev.meister.bot.webhook.HealthCheck;
import dev.meister.bot.webhook.HealthStatus;
import dev.meister.bot.webhook.WebhookEndpoint;
import dev.meister.core.chat.ChatPort;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The Slack adapter as {@code meister run} connects it: the Web API client and chat port first (so
 * the runtime can deliver), then the receiver in the configured mode.
 */
final class SlackChat implements AutoCloseable {
  private final SlackConfig config;
  private final SlackApi api;
  private final ChatPort port;

  private SlackChat(SlackConfig config, MeisterConfig meister) {
    this.config = config;
    this.api = SlackApi.official(config.botToken().reveal());
    this.port = new SlackChatPort(api, new SlackRenderer(meister.team()));
  }

  /** Present when {@code chats.slack} is enabled and its bot token is set. */
  static Optional<SlackChat> configured(MeisterConfig config) {
    return config.chats().slackConfig()
        .filter(s -> s.enabled() && s.botToken().isPresent())
        .map(s -> new SlackChat(s, config));
  }

  ChatPort port() {
    return port;
  }

  /**
   * Starts receiving: Socket Mode connects out with the app token; HTTP mode adds {@code
   * /hooks/slack} to {@code endpoints}. The receiver is stopped with the runtime.
   */
  void connect(BotRuntime runtime, Clock clock, List<WebhookEndpoint> endpoints,
      Map<String, HealthCheck> checks) {
    Set<String> channels = config.channels().values().stream()
        .map(t -> t.ref().chatId()).collect(Collectors.toSet());
    boolean http = config.mode() == SlackMode.HTTP;
    // The loader requires signing_secret in HTTP mode and app_token in Socket Mode.
    SlackReceiver receiver = new SlackReceiver(api, config.botToken().reveal(),
        http ? config.signingSecret().reveal() : null, channels, runtime.dispatcher());
    runtime.own(receiver);
    if (http) {
      endpoints.add(receiver.webhook(config.signingSecret().reveal(), clock));
    } else {
      receiver.startSocketMode(config.appToken().reveal());
    }
    checks.put("slack", () -> api.lastFailure()
        .map(HealthStatus::unhealthy).orElseGet(HealthStatus::healthy));
  }

  @Override
  public void close() {
    api.close();
  }
}
