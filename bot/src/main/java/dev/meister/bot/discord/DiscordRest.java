package dev.meister.bot.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meister.core.chat.Attachment;
import dev.meister.core.chat.ChatDeliveryException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;

/**
 * Discord's REST API (v10) for the few calls the chat port makes: create and edit channel messages,
 * and interaction follow-ups. Plain HTTP on the OkHttp line the other adapters use, rather than
 * JDA's REST actions: JDA 5.6.1's REST does reach a loopback fake ({@code RestConfig.setBaseUrl}),
 * but a channel message needs the channel from the gateway cache, and JDA retries rate limits and
 * 5xx answers inside the call (see the README's JDA row). Here a 429 leaves as a {@link
 * ChatDeliveryException} carrying Discord's {@code retry_after}, and the outbox waits it out like
 * every other platform's.
 */
public final class DiscordRest implements AutoCloseable {
  /** Where Discord's API lives. */
  public static final String OFFICIAL_URL = "https://discord.com/api/v10/";

  private static final MediaType JSON_TYPE = MediaType.get("application/json");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String token;
  private final String baseUrl;
  private final OkHttpClient http;
  private volatile @Nullable String lastFailure;

  /**
   * @param baseUrl ending in {@code /api/v10/}; a loopback fake in tests
   */
  public DiscordRest(String token, String baseUrl) {
    if (token.isBlank()) {
      throw new IllegalArgumentException("Discord bot token may not be blank");
    }
    this.token = token;
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
    this.http =
        new OkHttpClient.Builder()
            .connectTimeout(10, TimeUnit.SECONDS)
            .readTimeout(30, TimeUnit.SECONDS)
            .build();
  }

  /**
   * Sends one request; {@code what} names it in errors.
   *
   * @param path relative to the base URL, e.g. {@code channels/123/messages}
   * @param authorized false for interaction webhooks, which the interaction token authorizes
   */
  JsonNode call(
      String what, String method, String path, Map<String, Object> body, boolean authorized) {
    return call(what, method, path, body, authorized, List.of());
  }

  /**
   * Sends one request with files: Discord's "Uploading Files" shape, a multipart body of {@code
   * payload_json} (the JSON body, with an {@code attachments} entry per file) and one {@code
   * files[n]} part per file. Without files it is the plain JSON request.
   */
  JsonNode call(
      String what,
      String method,
      String path,
      Map<String, Object> body,
      boolean authorized,
      List<Attachment> files) {
    Request.Builder request =
        new Request.Builder()
            .url(baseUrl + path)
            .header("User-Agent", "DiscordBot (https://github.com/meister-bot/meister, 0.1)")
            .method(
                method,
                files.isEmpty()
                    ? RequestBody.create(write(body), JSON_TYPE)
                    : multipart(body, files));
    if (authorized) {
      request.header("Authorization", "Bot " + token);
    }
    try (Response response = http.newCall(request.build()).execute()) {
      ResponseBody responseBody = response.body();
      String text = responseBody == null ? "" : responseBody.string();
      if (response.isSuccessful()) {
        lastFailure = null;
        return text.isEmpty() ? JSON.createObjectNode() : JSON.readTree(text);
      }
      throw failure(what, response.code(), response.header("Retry-After"), text);
    } catch (IOException e) {
      ChatDeliveryException failure =
          new ChatDeliveryException(
              what + " failed: " + e.getClass().getSimpleName() + ": " + redact(e.getMessage()),
              true,
              null,
              null);
      lastFailure = failure.getMessage();
      throw failure;
    }
  }

  private ChatDeliveryException failure(
      String what, int code, @Nullable String retryHeader, String body) {
    String detail = what + " failed: HTTP " + code + " " + redact(abbreviate(body));
    ChatDeliveryException e;
    if (code == 429) {
      e = new ChatDeliveryException(detail, true, retryAfter(body, retryHeader), null);
    } else {
      e = new ChatDeliveryException(detail, code >= 500, null, null);
    }
    lastFailure = e.retryable() ? e.getMessage() : null;
    return e;
  }

  /** Discord gives seconds as a fraction in the body ({@code retry_after: 1.337}); round up. */
  static @Nullable Duration retryAfter(String body, @Nullable String header) {
    try {
      JsonNode json = JSON.readTree(body);
      if (json != null && json.path("retry_after").isNumber()) {
        return Duration.ofMillis((long) Math.ceil(json.path("retry_after").asDouble() * 1000));
      }
    } catch (IOException notJson) {
      // Fall back to the header.
    }
    if (header != null) {
      try {
        return Duration.ofMillis((long) Math.ceil(Double.parseDouble(header) * 1000));
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  /** Why the last call failed for want of Discord, or empty: for the health check. */
  public Optional<String> lastFailure() {
    return Optional.ofNullable(lastFailure);
  }

  private static RequestBody multipart(Map<String, Object> body, List<Attachment> files) {
    Map<String, Object> payload = new LinkedHashMap<>(body);
    List<Map<String, Object>> attachments = new ArrayList<>();
    MultipartBody.Builder form = new MultipartBody.Builder().setType(MultipartBody.FORM);
    for (int i = 0; i < files.size(); i++) {
      Map<String, Object> attachment = new LinkedHashMap<>();
      attachment.put("id", i);
      attachment.put("filename", files.get(i).fileName());
      attachments.add(attachment);
    }
    payload.put("attachments", attachments);
    form.addPart(
        Headers.of("Content-Disposition", "form-data; name=\"payload_json\""),
        RequestBody.create(write(payload), JSON_TYPE));
    for (int i = 0; i < files.size(); i++) {
      Attachment file = files.get(i);
      form.addFormDataPart(
          "files[" + i + "]",
          file.fileName(),
          RequestBody.create(file.content(), MediaType.parse(file.mediaType())));
    }
    return form.build();
  }

  private static byte[] write(Map<String, Object> body) {
    try {
      return JSON.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new IllegalArgumentException("unwritable Discord request", e);
    }
  }

  private static String abbreviate(String text) {
    return text.length() <= 300 ? text : text.substring(0, 300) + "\u2026";
  }

  private String redact(@Nullable String text) {
    return text == null ? "" : text.replace(token, "<bot-token>");
  }

  @Override
  public void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  @Override
  public String toString() {
    return "DiscordRest[" + baseUrl + "]";
  }
}
