package dev.meister.bot.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.model.event.MessageBotEvent;
import com.slack.api.model.event.MessageChangedEvent;
import com.slack.api.model.event.MessageDeletedEvent;
import com.slack.api.model.event.MessageEvent;
import com.slack.api.socket_mode.SocketModeClient;
import dev.meister.bot.webhook.WebhookEndpoint;
import dev.meister.core.chat.ChatDeliveryException;
import dev.meister.core.chat.ChatEvent;
import dev.meister.core.chat.ChatEventHandler;
import dev.meister.core.chat.ChatLink;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives from Slack through a Bolt app, in Socket Mode ({@link #startSocketMode}) or as signed
 * HTTP requests ({@link #webhook}). Every request is acknowledged at once, well inside Slack's 3
 * seconds; the event itself is handled afterwards, one at a time and in order, so a slow command
 * never makes Slack show "operation_timeout" or retry. Only configured channels are served.
 */
public final class SlackReceiver implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SlackReceiver.class);
  static final String NOT_HERE =
      "Meister is not set up for this channel; ask your admin to add it under chats.slack.channels.";

  private final Set<String> channelIds;
  private final ChatEventHandler handler;
  private final SlackEventTranslator translator = new SlackEventTranslator();
  private final App app;
  private final ExecutorService events =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "slack-events");
            t.setDaemon(true);
            return t;
          });
  private @Nullable SocketModeApp socketMode;
  private volatile @Nullable String botUserId;

  /**
   * @param channelIds the channels the bot serves, e.g. {@code C0123ABC}
   * @param signingSecret for HTTP mode; null in Socket Mode, where requests come over the socket
   */
  public SlackReceiver(
      SlackApi api,
      String botToken,
      @Nullable String signingSecret,
      Set<String> channelIds,
      ChatEventHandler handler) {
    this.channelIds = Set.copyOf(channelIds);
    this.handler = handler;
    AppConfig.AppConfigBuilder config =
        AppConfig.builder()
            .slack(api.slack())
            .singleTeamBotToken(botToken)
            // HTTP requests are verified by SlackWebhook against the injected clock; Bolt's own
            // check
            // would read the system clock a second time.
            .requestVerificationEnabled(false);
    if (signingSecret != null) {
      config.signingSecret(signingSecret);
    }
    this.app = new App(config.build());
    register();
  }

  private void register() {
    app.command(
        Pattern.compile("/.+"),
        (req, ctx) -> {
          remember(ctx.getBotUserId());
          Optional<ChatEvent> event = translator.command(req.getPayload());
          if (event.isPresent() && !served(event.get())) {
            return ctx.ack(NOT_HERE);
          }
          event.ifPresent(this::enqueue);
          return ctx.ack();
        });
    app.blockAction(
        Pattern.compile(".+"),
        (req, ctx) -> {
          remember(ctx.getBotUserId());
          translator.press(req.getPayload()).filter(this::served).ifPresent(this::enqueue);
          return ctx.ack();
        });
    app.event(
        MessageEvent.class,
        (payload, ctx) -> {
          remember(ctx.getBotUserId());
          translator
              .message(payload.getEvent(), ctx.getBotUserId())
              .filter(this::served)
              .ifPresent(this::enqueue);
          return ctx.ack();
        });
    app.event(
        AppMentionEvent.class,
        (payload, ctx) -> {
          remember(ctx.getBotUserId());
          translator.mention(payload.getEvent()).filter(this::served).ifPresent(this::enqueue);
          return ctx.ack();
        });
    // Subscribed with message.channels but of no interest; without a handler Bolt answers 404.
    app.event(MessageChangedEvent.class, (payload, ctx) -> ctx.ack());
    app.event(MessageDeletedEvent.class, (payload, ctx) -> ctx.ack());
    app.event(MessageBotEvent.class, (payload, ctx) -> ctx.ack());
  }

  /** Bolt resolves the bot's user id per request (auth.test, cached); the chain wants it too. */
  private void remember(@Nullable String id) {
    if (id != null) {
      botUserId = id;
    }
  }

  /** The bot's own user id, once Slack has sent a request that carries it. */
  public Optional<String> botUserId() {
    return Optional.ofNullable(botUserId);
  }

  /** Connects over Socket Mode with the app-level token ({@code xapp-…}); returns at once. */
  public void startSocketMode(String appToken) {
    startSocketMode(appToken, new ChatLink("slack"));
  }

  /**
   * Connects over Socket Mode; returns once the socket is open. Bolt re-connects on its own after a
   * drop; {@code link} follows it: down when the socket closes or fails, up again at Slack's {@code
   * hello} on the new socket.
   */
  public void startSocketMode(String appToken, ChatLink link) {
    try {
      SocketModeApp socket =
          new SocketModeApp(appToken, app, SocketModeClient.Backend.JavaWebSocket);
      socket.startAsync();
      SocketModeClient client = socket.getClient();
      client.addWebSocketCloseListener(
          (code, reason) -> link.down("Slack Socket Mode closed (" + code + ")"));
      client.addWebSocketErrorListener(
          e -> link.down("Slack Socket Mode failed: " + e.getClass().getSimpleName()));
      client.addWebSocketMessageListener(
          message -> {
            if (SocketMessages.isHello(message)) {
              link.up();
            }
          });
      socketMode = socket;
      LOG.info("Slack: connected in Socket Mode for {} channel(s)", channelIds.size());
    } catch (Exception e) {
      throw new ChatDeliveryException(
          "Slack Socket Mode could not connect: " + e.getMessage(), true, null, e);
    }
  }

  /** The endpoint for HTTP mode: {@code POST /hooks/slack}, signed with the signing secret. */
  public WebhookEndpoint webhook(String signingSecret, Clock clock) {
    return new SlackWebhook(new SlackSignature(signingSecret, clock), app);
  }

  private boolean served(ChatEvent event) {
    if (channelIds.contains(event.chat().chatId())) {
      return true;
    }
    LOG.debug("Slack: ignoring channel {}, which is not configured", event.chat().chatId());
    return false;
  }

  private void enqueue(ChatEvent event) {
    try {
      events.execute(() -> dispatch(event));
    } catch (RejectedExecutionException stopping) {
      LOG.info(
          "Slack: stopping, dropped {} from {}", event.getClass().getSimpleName(), event.chat());
    }
  }

  /**
   * Never throws: one failing event must not stop the ones behind it. A last resort: the chat chain
   * answers failures of handling itself, with a correlation id.
   */
  private void dispatch(ChatEvent event) {
    try {
      handler.handle(event);
    } catch (RuntimeException e) {
      String ref = UUID.randomUUID().toString().substring(0, 8);
      LOG.error(
          "Slack: handling {} from {} failed [ref {}]",
          event.getClass().getSimpleName(),
          event.chat(),
          ref,
          e);
    }
  }

  @Override
  public void close() {
    SocketModeApp socket = socketMode;
    socketMode = null;
    if (socket != null) {
      try {
        socket.close();
      } catch (Exception e) {
        LOG.warn("Slack: closing Socket Mode: {}", e.toString());
      }
    }
    app.stop();
    events.shutdown();
    try {
      if (!events.awaitTermination(5, TimeUnit.SECONDS)) {
        events.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
