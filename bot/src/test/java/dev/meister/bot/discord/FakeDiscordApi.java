package dev.meister.bot.discord;

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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;

/**
 * Discord's REST API v10 on 127.0.0.1 for the calls the chat port makes: create and edit channel
 * messages and interaction follow-ups, answered with Discord's message JSON. Records every call;
 * refuses channel calls without {@code Authorization: Bot <token>}; can fail the next calls.
 */
public final class FakeDiscordApi implements AutoCloseable {
  public static final String BOT_ID = "900000000000000001";

  private final ObjectMapper json = new ObjectMapper();
  private final String token;
  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "fake-discord");
    t.setDaemon(true);
    return t;
  });

  /** One request: method, path below {@code /api/v10/}, JSON body, and the id it was given. */
  public record Call(String method, String path, JsonNode body, String id) {}

  private record Failure(int status, String body) {}

  // Guarded by "this".
  private final List<Call> calls = new ArrayList<>();
  private final Deque<Failure> failures = new ArrayDeque<>();
  private long nextId = 1_200_000_000_000_000_000L;

  public FakeDiscordApi(String token) throws IOException {
    this.token = token;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/api/v10/", this::serve);
    server.setExecutor(threads);
    server.start();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v10/";
  }

  public synchronized void failNext(int status, String body) {
    failures.add(new Failure(status, body));
  }

  public synchronized List<Call> calls() {
    return List.copyOf(calls);
  }

  private void serve(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath().substring("/api/v10/".length());
      byte[] raw = exchange.getRequestBody().readAllBytes();
      JsonNode body = raw.length == 0 ? json.createObjectNode() : json.readTree(raw);
      String auth = exchange.getRequestHeaders().getFirst("Authorization");
      if (path.startsWith("channels/") && !("Bot " + token).equals(auth)) {
        respond(exchange, 401, "{\"message\": \"401: Unauthorized\", \"code\": 0}");
        return;
      }
      Failure failure;
      String id;
      synchronized (this) {
        failure = failures.poll();
        id = String.valueOf(nextId++);
        calls.add(new Call(exchange.getRequestMethod(), path, body, id));
      }
      if (failure != null) {
        respond(exchange, failure.status(), failure.body());
        return;
      }
      respond(exchange, 200, json.writeValueAsString(message(path, body, id)));
    }
  }

  private ObjectNode message(String path, JsonNode body, String id) {
    String[] parts = path.split("/");
    boolean edit = parts.length == 4 && parts[2].equals("messages");
    ObjectNode m = json.createObjectNode();
    m.put("id", edit ? parts[3] : id);
    m.put("type", body.has("message_reference") ? 19 : 0);
    m.put("channel_id", parts[0].equals("channels") ? parts[1] : "0");
    m.put("content", body.path("content").asText());
    m.set("author", json.valueToTree(Map.of("id", BOT_ID, "username", "Meister",
        "discriminator", "0", "bot", true)));
    m.put("timestamp", "2026-11-25T09:00:00.000000+00:00");
    m.set("components", body.path("components").isMissingNode()
        ? json.createArrayNode() : body.path("components"));
    return m;
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** The id the fake gave the last call, e.g. a message just created. */
  public synchronized @Nullable String lastId() {
    return calls.isEmpty() ? null : calls.get(calls.size() - 1).id();
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
