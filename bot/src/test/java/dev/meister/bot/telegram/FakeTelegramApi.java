package dev.meister.bot.telegram;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meister.testing.ApiAnswer;
import dev.meister.testing.ApiRequest;
import dev.meister.testing.LoopbackApi;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.telegram.telegrambots.meta.TelegramUrl;

/**
 * A Telegram Bot API on 127.0.0.1 speaking just enough JSON for the adapter
 * (https://core.telegram.org/bots/api#making-requests): it records every request body, serves
 * queued updates to {@code getUpdates} and can be told to fail the next calls.
 */
public final class FakeTelegramApi extends LoopbackApi {
  public static final long BOT_ID = 999;
  public static final String BOT_USERNAME = "MeisterBot";

  /** Telegram answers long polls after {@code timeout} seconds; the fake answers sooner. */
  private static final long MAX_HOLD_MILLIS = 200;

  private static final Pattern FIELD_NAME = Pattern.compile("name=\"([^\"]+)\"");

  private final ObjectMapper json = new ObjectMapper();
  private final String prefix;

  // Guarded by "this".
  private final Deque<ObjectNode> updates = new ArrayDeque<>();
  private int nextUpdateId = 1;
  private int nextMessageId = 100;

  public FakeTelegramApi(String token) throws IOException {
    this(token, 0);
  }

  /** On a given port, e.g. one the bot was configured with while nothing answered there. */
  public FakeTelegramApi(String token, int port) throws IOException {
    super("fake-telegram", port);
    this.prefix = "/bot" + token + "/";
  }

  public TelegramUrl url() {
    return TelegramUrl.builder().schema("http").host("127.0.0.1").port(port()).build();
  }

  /** Queues an update; the fake assigns its {@code update_id}. */
  public synchronized void queueUpdate(String updateJson) throws IOException {
    ObjectNode update = (ObjectNode) json.readTree(updateJson);
    update.put("update_id", nextUpdateId++);
    updates.add(update);
    notifyAll();
  }

  /** The next {@code count} calls of {@code method} answer with this status and body. */
  public void failNext(String method, int count, int status, String body) {
    String type = body.startsWith("{") ? "application/json" : "text/html";
    for (int i = 0; i < count; i++) {
      failNext(r -> method(r).equals(Optional.of(key(method))), ApiAnswer.text(status, type, body));
    }
  }

  public void rateLimitNext(String method, int count, int retryAfterSeconds) {
    failNext(
        method,
        count,
        429,
        "{\"ok\":false,\"error_code\":429,"
            + "\"description\":\"Too Many Requests: retry after "
            + retryAfterSeconds
            + "\","
            + "\"parameters\":{\"retry_after\":"
            + retryAfterSeconds
            + "}}");
  }

  /** The bodies of every call of {@code method} so far, multipart fields as one JSON object. */
  public List<JsonNode> requests(String method) {
    return received(r -> method(r).equals(Optional.of(key(method)))).stream()
        .map(this::body)
        .toList();
  }

  /** The only call of {@code method} so far. */
  public JsonNode onlyRequest(String method) {
    List<JsonNode> calls = requests(method);
    if (calls.size() != 1) {
      throw new AssertionError("expected one " + method + " call, got " + calls);
    }
    return calls.get(0);
  }

  /** Waits for the {@code n}-th call (1-based) of {@code method}. */
  public JsonNode awaitRequest(String method, int n, Duration timeout) {
    return await("no " + method + " call #" + n + " within " + timeout)
        .atMost(timeout)
        .until(() -> requests(method), calls -> calls.size() >= n)
        .get(n - 1);
  }

  /** The method a request calls, lower case; empty when its path lacks the bot token. */
  private Optional<String> method(ApiRequest request) {
    return request.path().startsWith(prefix)
        ? Optional.of(key(request.path().substring(prefix.length())))
        : Optional.empty();
  }

  @Override
  protected ApiAnswer serve(ApiRequest request) throws IOException {
    Optional<String> method = method(request);
    if (method.isEmpty()) {
      return ApiAnswer.json(
          401, "{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}");
    }
    Optional<ApiAnswer> failure = scripted(request);
    if (failure.isPresent()) {
      ApiAnswer f = failure.get();
      return new ApiAnswer(
          f.status(), f.contentType(), f.headers(), f.body().replace("{path}", request.path()));
    }
    Object result;
    try {
      result = answer(method.get(), body(request));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    if (result == null) {
      return ApiAnswer.json(404, "{\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}");
    }
    ObjectNode ok = json.createObjectNode().put("ok", true);
    ok.set("result", json.valueToTree(result));
    return ApiAnswer.json(200, ok);
  }

  private JsonNode body(ApiRequest request) {
    String type = request.header("Content-Type").orElse("");
    return type.startsWith("multipart/form-data")
        ? formFields(type, request.body())
        : request.json();
  }

  /** The text fields of a multipart body (setWebhook is sent that way), as one JSON object. */
  private ObjectNode formFields(String contentType, String raw) {
    String boundary =
        "--" + contentType.substring(contentType.indexOf("boundary=") + 9).replace("\"", "");
    ObjectNode fields = json.createObjectNode();
    for (String part : raw.split(Pattern.quote(boundary))) {
      Matcher name = FIELD_NAME.matcher(part);
      int bodyStart = part.indexOf("\r\n\r\n");
      if (name.find() && bodyStart >= 0) {
        fields.put(name.group(1), part.substring(bodyStart + 4).replaceAll("\r\n$", ""));
      }
    }
    return fields;
  }

  // telegrambots sends "sendmessage"; Telegram matches method names case-insensitively.
  private static String key(String method) {
    return method.toLowerCase(Locale.ROOT);
  }

  private @Nullable Object answer(String method, JsonNode body) throws InterruptedException {
    return switch (method) {
      case "getme" ->
          Map.of("id", BOT_ID, "is_bot", true, "first_name", "Meister", "username", BOT_USERNAME);
      case "getupdates" -> nextUpdates(body.path("offset").asInt(0), body.path("limit").asInt(100));
      case "sendmessage" -> sentMessage(body, nextMessageId());
      case "editmessagetext" -> sentMessage(body, body.path("message_id").asInt());
      case "deletewebhook", "setmycommands", "answercallbackquery", "setwebhook" -> true;
      default -> null;
    };
  }

  private synchronized int nextMessageId() {
    return nextMessageId++;
  }

  private synchronized List<ObjectNode> nextUpdates(int offset, int limit)
      throws InterruptedException {
    updates.removeIf(u -> u.get("update_id").asInt() < offset);
    // A long poll: held until an update is queued (queueUpdate notifies) or the hold is over.
    long deadline = System.currentTimeMillis() + MAX_HOLD_MILLIS;
    while (updates.isEmpty() && System.currentTimeMillis() < deadline) {
      wait(Math.max(1, deadline - System.currentTimeMillis()));
    }
    return updates.stream().limit(limit).toList();
  }

  private Map<String, Object> sentMessage(JsonNode request, int messageId) {
    return Map.of(
        "message_id", messageId,
        "date", 1_700_000_000,
        "from",
            Map.of("id", BOT_ID, "is_bot", true, "first_name", "Meister", "username", BOT_USERNAME),
        "chat", Map.of("id", request.path("chat_id").asLong(), "type", "supergroup"),
        "text", request.path("text").asText());
  }
}
