package dev.meister.bot.app;

import dev.meister.bot.config.MeisterConfig;
import dev.meister.bot.config.TelegramConfig;
import dev.meister.bot.config.TelegramMode;
import dev.meister.bot.telegram.TelegramApi;
import dev.meister.bot.telegram.TelegramChatPort;
import dev.meister.bot.telegram.TelegramReceiver;
import dev.meister.bot.telegram.TelegramRenderer;
import dev.meister.bot.telegram.TelegramWebhook;
import dev.meister.bot.webhook.WebhookEndpoint;
import dev.meister.core.chat.ChatDispatcher;
import dev.meister.core.chat.ChatLink;
import dev.meister.core.chat.ChatPort;
import dev.meister.core.chat.CommandRegistry;
import dev.meister.core.chat.RetryDelays;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.telegram.telegrambots.meta.TelegramUrl;

/**
 * The Telegram adapter as the root wires it: one API client (closed at stop), the chat port, and
 * long polling or the webhook endpoint, connected in the background.
 */
final class TelegramChat implements ChatAdapter {
  private final TelegramConfig config;
  private final TelegramApi api;
  private final ChatLink link = new ChatLink("telegram");
  private final ChatPort port;
  private @Nullable TelegramReceiver receiver;
  private @Nullable TelegramWebhook webhook;

  private TelegramChat(TelegramConfig config, MeisterConfig meister) {
    this.config = config;
    this.api = api(config);
    this.port =
        new LinkedChatPort(new TelegramChatPort(api, new TelegramRenderer(meister.team())), link);
  }

  /** Present when {@code chats.telegram} is enabled and its token is set. */
  static Optional<TelegramChat> configured(MeisterConfig config) {
    return config
        .chats()
        .telegramConfig()
        .filter(t -> t.enabled() && t.token().isPresent())
        .map(t -> new TelegramChat(t, config));
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
    Set<String> chatIds =
        config.chats().values().stream().map(t -> t.ref().chatId()).collect(Collectors.toSet());
    if (config.mode() == TelegramMode.WEBHOOK) {
      // The loader requires webhook_url and webhook_secret in this mode.
      TelegramWebhook endpoint =
          TelegramWebhook.serving(
              api, config.webhookSecret().reveal(), chatIds, dispatcher, commands.all());
      webhook = endpoint;
      return List.of(endpoint);
    }
    receiver =
        new TelegramReceiver(api, chatIds, dispatcher, commands.all(), link, RetryDelays.CHAT);
    return List.of();
  }

  @Override
  public void connect() {
    TelegramWebhook endpoint = webhook;
    if (endpoint != null) {
      endpoint.connect(config.publicWebhookUrl().orElseThrow());
    } else if (receiver != null) {
      receiver.start();
    }
  }

  @Override
  public Optional<String> selfId() {
    return api.botId();
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

  private static TelegramApi api(TelegramConfig telegram) {
    String token = telegram.token().reveal();
    return telegram
        .apiUrlOverride()
        .map(
            url -> {
              URI uri = URI.create(url);
              return new TelegramApi(
                  token,
                  TelegramUrl.builder()
                      .schema(uri.getScheme())
                      .host(uri.getHost())
                      .port(
                          uri.getPort() > 0
                              ? uri.getPort()
                              : ("https".equals(uri.getScheme()) ? 443 : 80))
                      .build());
            })
        .orElseGet(() -> TelegramApi.official(token));
  }
}
