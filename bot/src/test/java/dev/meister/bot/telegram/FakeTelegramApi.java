package dev.meister.bot.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.telegram.telegrambots.meta.TelegramUrl;

/**
 * A Telegram Bot API on 127.0.0.1 speaking just enough JSON for the adapter: it records every
 * request body, serves queued updates to {@code getUpdates} and can be told to fail the next calls.
 */
public final class FakeTelegramApi implements AutoCloseable {
  public static final long BOT_ID = 999;
  public static final String BOT_USERNAME = "MeisterBot";
  /** Telegram answers long polls after {@code timeout} seconds; the fake answers sooner. */
  private static final long MAX_HOLD_MILLIS = 200;

  private final ObjectMapper json = new ObjectMapper();
  private final String token;
  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "fake-telegram");
    t.setDaemon(true);
    return t;
  });

  // Guarded by "this".
  private final Map<String, List<JsonNode>> requests = new HashMap<>();
  private final Map<String, Deque<Failure>> failures = new HashMap<>();
  private final Deque<ObjectNode> updates = new ArrayDeque<>();
  private int nextUpdateId = 1;
  private int nextMessageId = 100;

  private record Failure(int status, String body) {}

  public FakeTelegramApi(String token) throws IOException {
    this(token, 0);
  }

  /** On a given port, e.g. one the bot was configured with while nothing answered there. */
  public FakeTelegramApi(String token, int port) throws IOException {
    this.token = token;
    this.server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    server.createContext("/", this::serve);
    server.setExecutor(threads);
    server.start();
  }

  public TelegramUrl url() {
    return TelegramUrl.builder().schema("http").host("127.0.0.1").port(port()).build();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** Queues an update; the fake assigns its {@code update_id}. */
  public synchronized void queueUpdate(String updateJson) throws IOException {
    ObjectNode update = (ObjectNode) json.readTree(updateJson);
    update.put("update_id", nextUpdateId++);
    updates.add(update);
    notifyAll();
  }

  /** The next {@code count} calls of {@code method} answer with this status and body. */
  public synchronized void failNext(String method, int count, int status, String body) {
    Deque<Failure> queue = failures.computeIfAbsent(key(method), m -> new ArrayDeque<>());
    for (int i = 0; i < count; i++) {
      queue.add(new Failure(status, body));
    }
  }

  public void rateLimitNext(String method, int count, int retryAfterSeconds) {
    failNext(method, count, 429, "{\"ok\":false,\"error_code\":429,"
        + "\"description\":\"Too Many Requests: retry after " + retryAfterSeconds + "\","
        + "\"parameters\":{\"retry_after\":" + retryAfterSeconds + "}}");
  }

  public synchronized List<JsonNode> requests(String method) {
    return List.copyOf(requests.getOrDefault(key(method), List.of()));
  }

  /** The only call of {@code method} so far. */
  public synchronized JsonNode onlyRequest(String method) {
    List<JsonNode> calls = requests(method);
    if (calls.size() != 1) {
      throw new AssertionError("expected one " + method + " call, got " + calls);
    }
    return calls.get(0);
  }

  /** Waits for the {@code n}-th call (1-based) of {@code method}. */
  public synchronized JsonNode awaitRequest(String method, int n, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (requests(method).size() < n) {
      long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
      if (left <= 0) {
        throw new AssertionError("no " + method + " call #" + n + " within " + timeout);
      }
      wait(left);
    }
    return requests(method).get(n - 1);
  }

  private void serve(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      String prefix = "/bot" + token + "/";
      if (!path.startsWith(prefix)) {
        respond(exchange, 401, "{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}");
        return;
      }
      // telegrambots sends "sendmessage"; Telegram matches method names case-insensitively.
      String method = key(path.substring(prefix.length()));
      byte[] raw = exchange.getRequestBody().readAllBytes();
      String type = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
      JsonNode body = raw.length == 0 ? json.createObjectNode()
          : type.startsWith("multipart/form-data") ? formFields(type, raw) : json.readTree(raw);
      Failure failure = record(method, body);
      if (failure != null) {
        respond(exchange, failure.status(), failure.body().replace("{path}", path));
        return;
      }
      Object result = answer(method, body);
      if (result == null) {
        respond(exchange, 404, "{\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}");
        return;
      }
      ObjectNode ok = json.createObjectNode().put("ok", true);
      ok.set("result", json.valueToTree(result));
      respond(exchange, 200, json.writeValueAsString(ok));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The text fields of a multipart body (setWebhook is sent that way), as one JSON object. */
  private ObjectNode formFields(String contentType, byte[] raw) {
    String boundary = "--" + contentType.substring(contentType.indexOf("boundary=") + 9)
        .replace("\"", "");
    ObjectNode fields = json.createObjectNode();
    for (String part : new String(raw, java.nio.charset.StandardCharsets.UTF_8).split(
        java.util.regex.Pattern.quote(boundary))) {
      java.util.regex.Matcher name =
          java.util.regex.Pattern.compile("name=\"([^\"]+)\"").matcher(part);
      int bodyStart = part.indexOf("\r\n\r\n");
      if (name.find() && bodyStart >= 0) {
        fields.put(name.group(1), part.substring(bodyStart + 4).replaceAll("\r\n$", ""));
      }
    }
    return fields;
  }

  private synchronized @Nullable Failure record(String method, JsonNode body) {
    requests.computeIfAbsent(method, m -> new ArrayList<>()).add(body);
    notifyAll();
    Deque<Failure> queue = failures.get(method);
    return queue == null ? null : queue.poll();
  }

  private static String key(String method) {
    return method.toLowerCase(Locale.ROOT);
  }

  private @Nullable Object answer(String method, JsonNode body) throws InterruptedException {
    return switch (method) {
      case "getme" -> Map.of("id", BOT_ID, "is_bot", true, "first_name", "Meister",
          "username", BOT_USERNAME);
      case "getupdates" ->
          nextUpdates(body.path("offset").asInt(0), body.path("limit").asInt(100));
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
        "from", Map.of("id", BOT_ID, "is_bot", true, "first_name", "Meister",
            "username", BOT_USERNAME),
        "chat", Map.of("id", request.path("chat_id").asLong(), "type", "supergroup"),
        "text", request.path("text").asText());
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    boolean isJson = body.startsWith("{");
    exchange.getResponseHeaders().set("Content-Type", isJson ? "application/json" : "text/html");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
