package dev.meister.bot.telegram;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meister.testing.ApiAnswer;
import dev.meister.testing.ApiRequest;
import dev.meister.testing.LoopbackApi;
import dev.meister.testing.MultipartPart;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
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

  private static final String ATTACH = "attach://";

  /** Multipart fields telegrambots sends as JSON text. */
  private static final Set<String> JSON_FIELDS =
      Set.of("reply_parameters", "reply_markup", "allowed_updates", "link_preview_options");

  private final ObjectMapper json = new ObjectMapper();
  private final String prefix;

  // Guarded by "this".
  private final Deque<ObjectNode> updates = new ArrayDeque<>();
  private int nextUpdateId = 1;
  private int nextMessageId = 100;
  private final Map<Long, Integer> createdBy = new HashMap<>();
  private final Set<Integer> documents = new HashSet<>();
  private final Set<Long> refused = new HashSet<>();

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

  /**
   * The bodies of every call of {@code method} so far, multipart fields as one JSON object (a file
   * as {@code {"filename", "content_type", "base64"}}), each with the {@code _message_id} the fake
   * gave the message it created, if any.
   */
  public List<JsonNode> requests(String method) {
    return received(r -> method(r).equals(Optional.of(key(method)))).stream()
        .<JsonNode>map(
            r -> {
              ObjectNode body = (ObjectNode) body(r);
              Integer id = messageIdOf(r.seq());
              if (id != null) {
                body.put("_message_id", id);
              }
              if (wasRefused(r.seq())) {
                body.put("_refused", true);
              }
              return body;
            })
        .toList();
  }

  private synchronized @Nullable Integer messageIdOf(long seq) {
    return createdBy.get(seq);
  }

  private synchronized boolean wasRefused(long seq) {
    return refused.contains(seq);
  }

  private synchronized void refused(long seq) {
    refused.add(seq);
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
      refused(request.seq());
      ApiAnswer f = failure.get();
      return new ApiAnswer(
          f.status(), f.contentType(), f.headers(), f.body().replace("{path}", request.path()));
    }
    Object result;
    try {
      result = answer(request.seq(), method.get(), body(request));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    if (result == null) {
      return ApiAnswer.json(404, "{\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}");
    }
    if (result instanceof ApiAnswer refusal) {
      refused(request.seq());
      return refusal;
    }
    ObjectNode ok = json.createObjectNode().put("ok", true);
    ok.set("result", json.valueToTree(result));
    return ApiAnswer.json(200, ok);
  }

  private JsonNode body(ApiRequest request) {
    String type = request.header("Content-Type").orElse("");
    return type.startsWith("multipart/form-data") ? formFields(request) : request.json();
  }

  /**
   * The fields of a multipart body (setWebhook and sendDocument are sent that way) as one JSON
   * object: text fields as text, the JSON-valued ones parsed (telegrambots sends {@code
   * reply_parameters} and {@code reply_markup} as JSON text), files with name, type and bytes.
   */
  private ObjectNode formFields(ApiRequest request) {
    ObjectNode fields = json.createObjectNode();
    List<MultipartPart> parts = request.parts();
    for (MultipartPart part : parts) {
      if (part.fileName().isPresent()) {
        fields.set(part.name(), file(part));
      } else if (part.text().startsWith(ATTACH)) {
        // "attach://<name>": the file is the part of that name (Bot API, "Sending files"); the
        // way telegrambots uploads every document.
        String name = part.text().substring(ATTACH.length());
        MultipartPart.named(parts, name)
            .filter(f -> f.fileName().isPresent())
            .ifPresentOrElse(
                f -> fields.set(part.name(), file(f)), () -> fields.put(part.name(), part.text()));
      } else if (JSON_FIELDS.contains(part.name())) {
        try {
          fields.set(part.name(), json.readTree(part.text()));
        } catch (IOException e) {
          fields.put(part.name(), part.text());
        }
      } else {
        fields.put(part.name(), part.text());
      }
    }
    return fields;
  }

  private ObjectNode file(MultipartPart part) {
    return json.createObjectNode()
        .put("filename", part.fileName().orElse(""))
        .put("content_type", part.contentType().orElse(""))
        .put("base64", Base64.getEncoder().encodeToString(part.content()));
  }

  // telegrambots sends "sendmessage"; Telegram matches method names case-insensitively.
  private static String key(String method) {
    return method.toLowerCase(Locale.ROOT);
  }

  private @Nullable Object answer(long seq, String method, JsonNode body)
      throws InterruptedException {
    return switch (method) {
      case "getme" ->
          Map.of("id", BOT_ID, "is_bot", true, "first_name", "Meister", "username", BOT_USERNAME);
      case "getupdates" -> nextUpdates(body.path("offset").asInt(0), body.path("limit").asInt(100));
      case "sendmessage" -> sentMessage(body, created(seq, false));
      case "senddocument" -> sentDocument(seq, body);
      case "editmessagetext" ->
          isDocument(body.path("message_id").asInt())
              ? badRequest("Bad Request: there is no text in the message to edit")
              : sentMessage(body, body.path("message_id").asInt());
      case "editmessagecaption" ->
          !isDocument(body.path("message_id").asInt())
              ? badRequest("Bad Request: there is no caption in the message to edit")
              : tooLong(body.path("caption").asText())
                  ? badRequest("Bad Request: message caption is too long")
                  : documentMessage(body, body.path("message_id").asInt(), null);
      case "deletewebhook", "setmycommands", "answercallbackquery", "setwebhook" -> true;
      default -> null;
    };
  }

  /** Numbers a message the request {@code seq} created, remembering a document's. */
  private synchronized int created(long seq, boolean document) {
    int id = nextMessageId++;
    createdBy.put(seq, id);
    if (document) {
      documents.add(id);
    }
    return id;
  }

  private synchronized boolean isDocument(int messageId) {
    return documents.contains(messageId);
  }

  /**
   * A document upload: refused as Telegram refuses it without a file part or with a caption over
   * 1024 characters after entity parsing; answered with the Message and its Document.
   */
  private Object sentDocument(long seq, JsonNode body) {
    JsonNode file = body.path("document");
    if (!file.has("base64")) {
      return badRequest("Bad Request: there is no document in the request");
    }
    if (tooLong(body.path("caption").asText(""))) {
      return badRequest("Bad Request: message caption is too long");
    }
    int id = created(seq, true);
    byte[] bytes = Base64.getDecoder().decode(file.path("base64").asText());
    String name = file.path("filename").asText();
    ObjectNode document =
        (ObjectNode) fixture("sendDocument.result.json").path("result").path("document");
    document
        .put("file_id", "BQACAgIAAxkDAAI" + id)
        .put("file_unique_id", "AgAD" + id)
        .put("file_name", name)
        // Telegram guesses the type from the name; what the part was labelled does not matter.
        .put("mime_type", name.endsWith(".ics") ? "text/calendar" : "application/octet-stream")
        .put("file_size", bytes.length);
    return documentMessage(body, id, document);
  }

  /**
   * The Message of fixtures/telegram/sendDocument.result.json for this request: its id, chat,
   * caption (none when the request had none) and, for a new message, its document.
   */
  private ObjectNode documentMessage(JsonNode request, int messageId, @Nullable ObjectNode doc) {
    ObjectNode m = (ObjectNode) fixture("sendDocument.result.json").path("result");
    m.put("message_id", messageId);
    ((ObjectNode) m.path("chat")).put("id", request.path("chat_id").asLong());
    if (doc == null) {
      m.remove("document");
    } else {
      m.set("document", doc);
    }
    if (request.hasNonNull("caption")) {
      m.put("caption", request.path("caption").asText());
    } else {
      m.remove("caption");
      m.remove("caption_entities");
    }
    return m;
  }

  /** A copy of an answer in fixtures/telegram (see its SOURCES.md). */
  private JsonNode fixture(String name) {
    try (InputStream in = FakeTelegramApi.class.getResourceAsStream("/fixtures/telegram/" + name)) {
      return json.readTree(Objects.requireNonNull(in, name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Telegram counts a caption after parsing its HTML: tags dropped, entities as one character. */
  private static boolean tooLong(String html) {
    return html.replaceAll("<[^>]*>", "").replaceAll("&(lt|gt|amp|quot);", "&").length() > 1024;
  }

  private static ApiAnswer badRequest(String description) {
    return ApiAnswer.json(
        400, "{\"ok\":false,\"error_code\":400,\"description\":\"" + description + "\"}");
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
        "message_id",
        messageId,
        "date",
        1_700_000_000,
        "from",
        Map.of("id", BOT_ID, "is_bot", true, "first_name", "Meister", "username", BOT_USERNAME),
        // A positive chat id is a person's private chat with the bot (a direct message).
        "chat",
        request.path("chat_id").asLong() > 0
            ? Map.of(
                "id", request.path("chat_id").asLong(), "type", "private", "first_name", "Member")
            : Map.of("id", request.path("chat_id").asLong(), "type", "supergroup"),
        "text",
        request.path("text").asText());
  }
}
