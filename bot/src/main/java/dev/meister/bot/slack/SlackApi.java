package dev.meister.bot.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import dev.meister.core.chat.Attachment;
import dev.meister.core.chat.ChatDeliveryException;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One workspace's connection to the Slack Web API: the bot token, where the API lives and the SDK
 * client. Every failure leaves here as a {@link ChatDeliveryException}: HTTP 429 carries Slack's
 * {@code Retry-After}, which the outbox honours.
 */
public final class SlackApi implements AutoCloseable {
  /** Where Slack's Web API lives. */
  public static final String OFFICIAL_URL = "https://slack.com/api/";

  private static final Logger LOG = LoggerFactory.getLogger(SlackApi.class);

  /** Slack's {@code ok:false} errors that a later attempt can get past. */
  private static final Set<String> TRANSIENT =
      Set.of(
          "ratelimited",
          "internal_error",
          "fatal_error",
          "service_unavailable",
          "request_timeout",
          "team_added_to_org");

  private final Slack slack;
  private final MethodsClient methods;
  private final String url;
  private volatile @Nullable String lastFailure;

  /**
   * @param url the Web API prefix ending in {@code /api/}; a loopback fake in tests
   */
  public SlackApi(String botToken, String url) {
    if (botToken.isBlank()) {
      throw new IllegalArgumentException("Slack bot token may not be blank");
    }
    SlackConfig config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(url.endsWith("/") ? url : url + "/");
    config.setStatsEnabled(false);
    config.setHttpClientReadTimeoutMillis(30_000);
    this.slack = Slack.getInstance(config);
    this.methods = slack.methods(botToken);
    this.url = url;
  }

  public static SlackApi official(String botToken) {
    return new SlackApi(botToken, OFFICIAL_URL);
  }

  /** One Web API call returning an SDK response. */
  @FunctionalInterface
  interface Call<T extends SlackApiTextResponse> {
    T call(MethodsClient methods) throws IOException, SlackApiException;
  }

  /** Calls one method; {@code what} names it in errors. {@code ok:false} throws too. */
  <T extends SlackApiTextResponse> T execute(String what, Call<T> call) {
    T response;
    try {
      response = call.call(methods);
    } catch (SlackApiException e) {
      throw remember(httpFailure(what, e));
    } catch (IOException e) {
      throw remember(
          new ChatDeliveryException(
              what + " failed: " + e.getClass().getSimpleName() + ": " + e.getMessage(),
              true,
              null,
              e));
    }
    if (!response.isOk()) {
      String error = String.valueOf(response.getError());
      boolean retryable = TRANSIENT.contains(error);
      ChatDeliveryException failure =
          new ChatDeliveryException(what + " failed: " + error, retryable, null, null);
      throw retryable ? remember(failure) : forget(failure);
    }
    if (response.getWarning() != null) {
      LOG.debug("Slack: {} warned: {}", what, response.getWarning());
    }
    lastFailure = null;
    return response;
  }

  /**
   * Step 2 of Slack's upload (files.getUploadURLExternal → this → files.completeUploadExternal):
   * POSTs the file's bytes to the URL Slack handed out. Slack takes them raw or as a form; raw,
   * with the file's type, is what the SDK's own {@code filesUploadV2} sends too. The URL is signed:
   * it needs no token.
   */
  void upload(String uploadUrl, Attachment file) {
    Request request =
        new Request.Builder()
            .url(uploadUrl)
            .post(RequestBody.create(file.content(), MediaType.parse(file.mediaType())))
            .build();
    try (Response response = slack.getHttpClient().getOkHttpClient().newCall(request).execute()) {
      int code = response.code();
      if (!response.isSuccessful()) {
        String what = "uploading " + file.fileName() + " failed: HTTP " + code;
        ChatDeliveryException failure =
            code == 429
                ? new ChatDeliveryException(
                    what + " (rate limited)",
                    true,
                    retryAfter(response.header("Retry-After")),
                    null)
                : new ChatDeliveryException(what, code >= 500, null, null);
        throw failure.retryable() ? remember(failure) : forget(failure);
      }
    } catch (IOException e) {
      throw remember(
          new ChatDeliveryException(
              "uploading "
                  + file.fileName()
                  + " failed: "
                  + e.getClass().getSimpleName()
                  + ": "
                  + e.getMessage(),
              true,
              null,
              e));
    }
  }

  /** Why the last call failed for want of Slack, or empty: for the health check. */
  public Optional<String> lastFailure() {
    return Optional.ofNullable(lastFailure);
  }

  Slack slack() {
    return slack;
  }

  private ChatDeliveryException remember(ChatDeliveryException e) {
    lastFailure = e.getMessage();
    return e;
  }

  private ChatDeliveryException forget(ChatDeliveryException e) {
    lastFailure = null;
    return e;
  }

  /** Non-200 answers: 429 (with Retry-After) and 5xx are worth retrying, other 4xx are not. */
  static ChatDeliveryException httpFailure(String what, SlackApiException e) {
    int code = e.getResponse().code();
    String text = what + " failed: HTTP " + code;
    if (code == 429) {
      return new ChatDeliveryException(
          text + " (rate limited)", true, retryAfter(e.getResponse().header("Retry-After")), e);
    }
    return new ChatDeliveryException(text, code >= 500, null, e);
  }

  static @Nullable Duration retryAfter(@Nullable String header) {
    if (header == null) {
      return null;
    }
    try {
      long seconds = Long.parseLong(header.strip());
      return seconds >= 0 ? Duration.ofSeconds(seconds) : null;
    } catch (NumberFormatException notSeconds) {
      return null;
    }
  }

  @Override
  public void close() {
    try {
      slack.close();
    } catch (Exception e) {
      LOG.warn("Slack: closing the client: {}", e.toString());
    }
  }

  @Override
  public String toString() {
    return "SlackApi[" + url + "]";
  }
}
