package dev.meister.bot.telegram;

import dev.meister.core.chat.ChatDeliveryException;
import java.io.Serializable;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.objects.ResponseParameters;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiValidationException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * One bot's connection to the Telegram Bot API: the token, where the API lives and the HTTP client
 * the chat port, the command menu and the receiver share. Every failure leaves here as a {@link
 * ChatDeliveryException} whose text never contains the token.
 */
public final class TelegramApi implements AutoCloseable {
  private static final String REDACTED = "<bot-token>";

  private final String token;
  private final TelegramUrl url;
  private final OkHttpClient http;
  private final TelegramClient client;

  /**
   * @param url where the Bot API answers; {@link TelegramUrl#DEFAULT_URL} in production, a loopback
   *     fake in tests
   */
  public TelegramApi(String token, TelegramUrl url) {
    if (token.isBlank()) {
      throw new IllegalArgumentException("Telegram bot token may not be blank");
    }
    this.token = token;
    this.url = url;
    this.http =
        new OkHttpClient.Builder()
            .connectTimeout(10, TimeUnit.SECONDS)
            .readTimeout(30, TimeUnit.SECONDS)
            .build();
    this.client = new OkHttpTelegramClient(http, token, url);
  }

  private volatile @Nullable String lastFailure;
  private volatile @Nullable User me;

  public static TelegramApi official(String token) {
    return new TelegramApi(token, TelegramUrl.DEFAULT_URL);
  }

  /** One call on the library's client, e.g. a multipart method such as {@code sendDocument}. */
  @FunctionalInterface
  interface Call<T> {
    T call(TelegramClient client) throws TelegramApiException;
  }

  /** Calls one Bot API method; {@code what} names it in error messages. */
  <T extends Serializable> T execute(String what, BotApiMethod<T> method) {
    return call(what, c -> c.execute(method));
  }

  /** Makes one call, with the failure handling of {@link #execute}. */
  <T> T call(String what, Call<T> call) {
    try {
      T result = call.call(client);
      lastFailure = null;
      return result;
    } catch (TelegramApiException e) {
      ChatDeliveryException failure = failure(what, e);
      // Only failures that say Telegram is out of reach count against health; a refused message
      // (400, 403) says nothing about the connection.
      if (failure.retryable()) {
        lastFailure = failure.getMessage();
      } else {
        lastFailure = null;
      }
      throw failure;
    }
  }

  /** Who the bot is ({@code getMe}); remembered for {@link #botId}. */
  User getMe() {
    User user = execute("getMe", new GetMe());
    me = user;
    return user;
  }

  /** The bot's own user id, once {@link #getMe} has answered. */
  public java.util.Optional<String> botId() {
    User user = me;
    return user == null
        ? java.util.Optional.empty()
        : java.util.Optional.of(String.valueOf(user.getId()));
  }

  /** Sets the webhook; a multipart method in the library, so it has its own call. */
  void setWebhook(org.telegram.telegrambots.meta.api.methods.updates.SetWebhook setWebhook) {
    try {
      client.execute(setWebhook);
    } catch (TelegramApiException e) {
      throw failure("setWebhook", e);
    }
  }

  /**
   * Why the last call failed for want of Telegram (network, 5xx, 429), or empty when it succeeded:
   * for the health check. Never contains the token.
   */
  public java.util.Optional<String> lastFailure() {
    return java.util.Optional.ofNullable(lastFailure);
  }

  TelegramClient client() {
    return client;
  }

  String token() {
    return token;
  }

  TelegramUrl url() {
    return url;
  }

  /** A client for long polling: same pool, its own dispatcher so it can be cancelled alone. */
  OkHttpClient pollingHttpClient(Duration pollTimeout) {
    return http.newBuilder()
        .dispatcher(new Dispatcher())
        .readTimeout(pollTimeout.plusSeconds(15))
        .build();
  }

  String redact(@Nullable String text) {
    return text == null ? "" : text.replace(token, REDACTED);
  }

  /**
   * Classifies a failure: 429 and 5xx, unreadable answers (a proxy's HTML error page) and network
   * errors are worth retrying; other 4xx answers and requests we built wrong are not.
   */
  ChatDeliveryException failure(String what, TelegramApiException e) {
    if (e instanceof TelegramApiValidationException) {
      return new ChatDeliveryException(
          what + " was not sent: " + redact(e.getMessage()), false, null, safeCause(e));
    }
    if (e instanceof TelegramApiRequestException r) {
      Integer code = r.getErrorCode();
      if (code == null || code <= 0) {
        // No API answer to read (e.g. a proxy's HTML page): telegrambots reports error code 0.
        return new ChatDeliveryException(
            what + " failed: Telegram's answer could not be read", true, null, safeCause(e));
      }
      String text = what + " failed: [" + code + "] " + redact(r.getApiResponse());
      if (code == 429) {
        return new ChatDeliveryException(text, true, retryAfter(r), safeCause(e));
      }
      return new ChatDeliveryException(text, code >= 500, null, safeCause(e));
    }
    return new ChatDeliveryException(
        what + " failed: " + redact(rootMessage(e)), true, null, safeCause(e));
  }

  static boolean isNotModified(TelegramApiException e) {
    return e instanceof TelegramApiRequestException r
        && Integer.valueOf(400).equals(r.getErrorCode())
        && r.getApiResponse() != null
        && r.getApiResponse().contains("message is not modified");
  }

  /** Telegram's answer to editing the text of a message that has a caption instead (a file). */
  static boolean hasNoText(TelegramApiException e) {
    return e instanceof TelegramApiRequestException r
        && Integer.valueOf(400).equals(r.getErrorCode())
        && r.getApiResponse() != null
        && r.getApiResponse().contains("there is no text in the message to edit");
  }

  private static @Nullable Duration retryAfter(TelegramApiRequestException e) {
    ResponseParameters p = e.getParameters();
    return p == null || p.getRetryAfter() == null ? null : Duration.ofSeconds(p.getRetryAfter());
  }

  /** The innermost cause, e.g. "ConnectException: Failed to connect to ...". */
  private static String rootMessage(Throwable e) {
    Throwable root = e;
    for (Throwable c = e.getCause(); c != null && c != root; c = c.getCause()) {
      root = c;
    }
    return root == e
        ? String.valueOf(e.getMessage())
        : root.getClass().getSimpleName() + ": " + root.getMessage();
  }

  /**
   * The cause to attach, unless some message in its chain carries the token: then a stand-in with
   * the redacted text and the original stack, so logs stay useful without leaking the secret.
   */
  private Throwable safeCause(Throwable e) {
    for (@Nullable Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t.toString().contains(token)) {
        TelegramApiException copy = new TelegramApiException(redact(rootMessage(e)));
        copy.setStackTrace(e.getStackTrace());
        return copy;
      }
    }
    return e;
  }

  @Override
  public void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  @Override
  public String toString() {
    return "TelegramApi[" + url.getSchema() + "://" + url.getHost() + ":" + url.getPort() + "]";
  }
}
