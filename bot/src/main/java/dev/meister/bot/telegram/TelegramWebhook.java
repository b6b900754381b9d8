package dev.meister.bot.telegram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meister.bot.webhook.Verdict;
import dev.meister.bot.webhook.WebhookEndpoint;
import dev.meister.bot.webhook.WebhookRejection;
import dev.meister.bot.webhook.WebhookRequest;
import dev.meister.core.chat.ChatDeliveryException;
import dev.meister.core.chat.ChatEventHandler;
import dev.meister.core.chat.CommandHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.objects.User;

/**
 * Telegram's webhook mode: Telegram POSTs each update to {@code /hooks/telegram} with the secret
 * token given at {@code setWebhook} in {@code X-Telegram-Bot-Api-Secret-Token}; anything else is
 * refused. For teams that cannot keep a long poll open; polling needs no public URL and is the
 * default.
 */
public final class TelegramWebhook implements WebhookEndpoint {
  public static final String PATH = "/hooks/telegram";
  static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";
  private static final Logger LOG = LoggerFactory.getLogger(TelegramWebhook.class);
  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private final TelegramApi api;
  private final byte[] secret;
  private final Set<String> chatIds;
  private final ChatEventHandler handler;
  private final TelegramCommands menu;
  private volatile @Nullable TelegramDispatch dispatch;

  private TelegramWebhook(
      TelegramApi api,
      String secret,
      Set<String> chatIds,
      ChatEventHandler handler,
      List<CommandHandler> commands) {
    this.api = api;
    this.menu = new TelegramCommands(api, commands);
    this.secret = secret.getBytes(StandardCharsets.UTF_8);
    this.chatIds = Set.copyOf(chatIds);
    this.handler = handler;
  }

  /**
   * The endpoint, served before Telegram is reached. An update that comes before {@link #connect}
   * (or on a follower, which never connects) first asks Telegram who the bot is; while that fails
   * it is answered 503, and Telegram delivers it again later.
   */
  public static TelegramWebhook serving(
      TelegramApi api,
      String secret,
      Set<String> chatIds,
      ChatEventHandler handler,
      List<CommandHandler> commands) {
    return new TelegramWebhook(api, secret, chatIds, handler, commands);
  }

  /**
   * Learns who the bot is, publishes the command menu and tells Telegram to send updates to {@code
   * publicUrl} with {@code secret}.
   *
   * @param publicUrl where Telegram reaches this server's {@code /hooks/telegram}, over HTTPS
   * @param commands what the bot answers: the command menu published on connecting
   */
  public static TelegramWebhook connect(
      TelegramApi api,
      String publicUrl,
      String secret,
      Set<String> chatIds,
      ChatEventHandler handler,
      List<CommandHandler> commands) {
    TelegramWebhook webhook = serving(api, secret, chatIds, handler, commands);
    webhook.connect(publicUrl);
    return webhook;
  }

  /**
   * Connects this endpoint: getMe, the command menu, setWebhook.
   *
   * @throws dev.meister.core.chat.ChatDeliveryException when Telegram cannot be reached
   */
  public void connect(String publicUrl) {
    User me = api.getMe();
    TelegramUpdateTranslator translator = translator(me);
    try {
      menu.register();
    } catch (ChatDeliveryException e) {
      LOG.warn("Telegram: could not publish the command menu: {}", e.getMessage());
    }
    api.setWebhook(
        SetWebhook.builder()
            .url(publicUrl)
            .secretToken(new String(secret, StandardCharsets.UTF_8))
            .allowedUpdates(List.of("message", "callback_query"))
            .build());
    LOG.info("Telegram: webhook set for @{} at {}", me.getUserName(), publicUrl);
    dispatch = new TelegramDispatch(api, chatIds, handler, translator);
  }

  @Override
  public String path() {
    return PATH;
  }

  @Override
  public String deliveryLabel(WebhookRequest request) {
    return "-";
  }

  @Override
  public Verdict handle(WebhookRequest request) {
    String given =
        request
            .header(SECRET_HEADER)
            .orElseThrow(() -> WebhookRejection.unauthorized("missing " + SECRET_HEADER));
    if (!MessageDigest.isEqual(secret, given.getBytes(StandardCharsets.UTF_8))) {
      throw WebhookRejection.unauthorized("invalid " + SECRET_HEADER);
    }
    TelegramUpdate update = update(request.body());
    TelegramDispatch connected = dispatch;
    if (connected == null) {
      connected = identify();
    }
    connected.dispatch(update);
    return Verdict.handled("telegram update " + update.updateId());
  }

  /**
   * Learns who the bot is (getMe) for an endpoint that was not {@link #connect connected}: a
   * follower among several instances serves this path too (behind the load balancer), but only the
   * leader connects, so the follower asks here, once. It sets no webhook and publishes no menu.
   *
   * @throws WebhookRejection 503 while Telegram cannot be asked, so Telegram delivers it again
   */
  private synchronized TelegramDispatch identify() {
    TelegramDispatch known = dispatch;
    if (known != null) {
      return known;
    }
    User me;
    try {
      me = api.getMe();
    } catch (ChatDeliveryException e) {
      LOG.warn("Telegram: cannot tell who the bot is yet: {}", e.getMessage());
      throw new WebhookRejection(503, "not connected to Telegram yet", null);
    }
    TelegramDispatch identified = new TelegramDispatch(api, chatIds, handler, translator(me));
    dispatch = identified;
    LOG.info("Telegram: taking webhook updates as @{}", me.getUserName());
    return identified;
  }

  private static TelegramUpdateTranslator translator(User me) {
    return new TelegramUpdateTranslator(me.getId(), String.valueOf(me.getUserName()));
  }

  /**
   * The update a body holds.
   *
   * @throws WebhookRejection 400 when the body is not a Telegram update
   */
  static TelegramUpdate update(byte[] body) {
    try {
      TelegramUpdate update = JSON.readValue(body, TelegramUpdate.class);
      if (update == null) {
        // The body "null": readValue returns no update, which dispatch() would not survive.
        throw WebhookRejection.badRequest("malformed update: null");
      }
      return update;
    } catch (JsonProcessingException e) {
      throw WebhookRejection.badRequest("malformed update: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw WebhookRejection.badRequest("unreadable update");
    }
  }
}
