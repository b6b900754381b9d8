package dev.meister.bot.app;

import dev.meister.bot.config.MeisterConfig;
import dev.meister.bot.config.SlackConfig;
import dev.meister.bot.config.SlackMode;
import dev.meister.bot.slack.SlackApi;
import dev.meister.bot.slack.SlackChatPort;
import dev.meister.bot.slack.SlackReceiver;
import dev.meister.bot.slack.SlackRenderer;
import dev.meister.bot.slack.SlackUserGroups;
import dev.meister.bot.webhook.WebhookEndpoint;
import dev.meister.core.chat.ChatDispatcher;
import dev.meister.core.chat.ChatLink;
import dev.meister.core.chat.ChatPort;
import dev.meister.core.chat.CommandRegistry;
import dev.meister.core.usergroup.UserGroups;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The Slack adapter as the root wires it: the Web API client and chat port first, then the receiver
 * in the configured mode (Socket Mode connects in the background).
 */
final class SlackChat implements ChatAdapter {
  private final SlackConfig config;
  private final Clock clock;
  private final SlackApi api;
  private final ChatLink link = new ChatLink("slack");
  private final ChatPort port;
  private @Nullable SlackReceiver receiver;

  private SlackChat(SlackConfig config, MeisterConfig meister, Clock clock) {
    this.config = config;
    this.clock = clock;
    this.api = SlackApi.official(config.botToken().reveal());
    this.port = new LinkedChatPort(new SlackChatPort(api, new SlackRenderer(meister.team())), link);
  }

  /** Present when {@code chats.slack} is enabled and its bot token is set. */
  static Optional<SlackChat> configured(MeisterConfig config, Clock clock) {
    return config
        .chats()
        .slackConfig()
        .filter(s -> s.enabled() && s.botToken().isPresent())
        .map(s -> new SlackChat(s, config, clock));
  }

  @Override
  public String name() {
    return link.name();
  }

  @Override
  public Optional<UserGroups> userGroups() {
    return Optional.of(new SlackUserGroups(api));
  }

  @Override
  public ChatPort port() {
    return port;
  }

  @Override
  public ChatLink link() {
    return link;
  }

  /** HTTP mode serves {@code /hooks/slack}; Socket Mode connects out in {@link #connect}. */
  @Override
  public List<WebhookEndpoint> receive(ChatDispatcher dispatcher, CommandRegistry commands) {
    Set<String> channels =
        config.channels().values().stream().map(t -> t.ref().chatId()).collect(Collectors.toSet());
    boolean http = config.mode() == SlackMode.HTTP;
    // The loader requires signing_secret in HTTP mode and app_token in Socket Mode.
    SlackReceiver r =
        new SlackReceiver(
            api,
            config.botToken().reveal(),
            http ? config.signingSecret().reveal() : null,
            channels,
            dispatcher);
    receiver = r;
    return http ? List.of(r.webhook(config.signingSecret().reveal(), clock)) : List.of();
  }

  @Override
  public void connect() {
    SlackReceiver r = receiver;
    if (r != null && config.mode() != SlackMode.HTTP) {
      r.startSocketMode(config.appToken().reveal(), link);
    }
  }

  @Override
  public Optional<String> selfId() {
    SlackReceiver r = receiver;
    return r == null ? Optional.empty() : r.botUserId();
  }

  @Override
  public Optional<String> lastFailure() {
    return api.lastFailure();
  }

  @Override
  public void stopReceiving() {
    if (receiver != null) {
      receiver.close();
    }
  }

  @Override
  public void close() {
    stopReceiving();
    api.close();
  }
}
