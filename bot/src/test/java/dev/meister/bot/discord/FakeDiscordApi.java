package dev.meister.bot.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meister.testing.ApiAnswer;
import dev.meister.testing.ApiRequest;
import dev.meister.testing.LoopbackApi;
import dev.meister.testing.MultipartPart;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Discord's REST API v10 on 127.0.0.1 for the calls the chat port makes: create and edit channel
 * messages and interaction follow-ups, answered with Discord's message JSON
 * (https://discord.com/developers/docs/resources/message#message-object). Records every call;
 * refuses channel calls without {@code Authorization: Bot <token>}; can fail the next calls.
 */
public final class FakeDiscordApi extends LoopbackApi {
  public static final String BOT_ID = "900000000000000001";
  private static final String PREFIX = "/api/v10/";

  /** An Attachment object as Discord documents it (fixtures/discord, see its SOURCES.md). */
  private static final JsonNode ATTACHMENT = attachmentFixture();

  private static JsonNode attachmentFixture() {
    try (java.io.InputStream in =
        FakeDiscordApi.class.getResourceAsStream(
            "/fixtures/discord/message.with-attachment.json")) {
      return new ObjectMapper()
          .readTree(java.util.Objects.requireNonNull(in))
          .path("attachments")
          .get(0);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private final ObjectMapper json = new ObjectMapper();
  private final String token;

  /**
   * One request: method, path below {@code /api/v10/}, JSON body (a multipart request's {@code
   * payload_json}), the id it was given, and the {@code files[n]} parts of a multipart request.
   */
  public record Call(
      String method, String path, JsonNode body, String id, List<MultipartPart> files) {
    public Call {
      files = List.copyOf(files);
    }
  }

  // Guarded by "this".
  private final List<Call> calls = new ArrayList<>();
  private long nextId = 1_200_000_000_000_000_000L;

  public FakeDiscordApi(String token) throws IOException {
    super("fake-discord");
    this.token = token;
  }

  public String url() {
    return root() + PREFIX;
  }

  public void failNext(int status, String body) {
    failNext(r -> r.path().startsWith(PREFIX), ApiAnswer.json(status, body));
  }

  public synchronized List<Call> calls() {
    return List.copyOf(calls);
  }

  @Override
  protected ApiAnswer serve(ApiRequest request) throws java.io.IOException {
    if (!request.path().startsWith(PREFIX)) {
      return ApiAnswer.json(404, "{\"message\": \"404: Not Found\", \"code\": 0}");
    }
    String path = request.path().substring(PREFIX.length());
    List<MultipartPart> parts = request.parts();
    JsonNode body;
    List<MultipartPart> files;
    if (request.header("Content-Type").orElse("").startsWith("multipart/form-data")) {
      // Discord's "Uploading Files": payload_json and files[n]; each file needs its attachments
      // entry in the payload (id n), or Discord refuses the request.
      body = json.readTree(MultipartPart.named(parts, "payload_json").orElseThrow().text());
      files = parts.stream().filter(p -> p.name().startsWith("files[")).toList();
      for (MultipartPart f : files) {
        String n = f.name().substring("files[".length(), f.name().length() - 1);
        boolean listed = false;
        for (JsonNode a : body.path("attachments")) {
          listed |= a.path("id").asText().equals(n);
        }
        if (!listed || f.fileName().isEmpty()) {
          return ApiAnswer.json(400, "{\"message\": \"Invalid Form Body\", \"code\": 50035}");
        }
      }
    } else {
      body = request.json();
      files = List.of();
    }
    if ((path.startsWith("channels/") || path.startsWith("users/"))
        && !request.header("Authorization").equals(Optional.of("Bot " + token))) {
      return ApiAnswer.json(401, "{\"message\": \"401: Unauthorized\", \"code\": 0}");
    }
    String id;
    synchronized (this) {
      id = String.valueOf(nextId++);
      calls.add(new Call(request.method(), path, body, id, files));
    }
    if (path.equals("users/@me/channels")) {
      return scripted(request).orElseGet(() -> ApiAnswer.json(200, dmChannel(body)));
    }
    return scripted(request).orElseGet(() -> ApiAnswer.json(200, message(path, body, id, files)));
  }

  /**
   * Discord's answer to Create DM: a DM channel (type 1) with the recipient; the same channel for
   * the same person every time, as Discord keeps one DM channel per pair.
   */
  private ObjectNode dmChannel(JsonNode body) {
    String recipient = body.path("recipient_id").asText();
    ObjectNode c = json.createObjectNode();
    c.put("id", dmChannelOf(recipient));
    c.put("type", 1);
    c.putNull("last_message_id");
    c.put("flags", 0);
    c.set(
        "recipients",
        json.valueToTree(
            List.of(
                Map.of(
                    "id",
                    recipient,
                    "username",
                    "member",
                    "discriminator",
                    "0",
                    "global_name",
                    "Member"))));
    return c;
  }

  /** The DM channel id the fake gives {@code userId}. */
  public static String dmChannelOf(String userId) {
    return "9" + userId.substring(1);
  }

  private ObjectNode message(String path, JsonNode body, String id, List<MultipartPart> files) {
    String[] parts = path.split("/");
    boolean edit = parts.length == 4 && parts[2].equals("messages");
    ObjectNode m = json.createObjectNode();
    m.put("id", edit ? parts[3] : id);
    m.put("type", body.has("message_reference") ? 19 : 0);
    m.put("channel_id", parts[0].equals("channels") ? parts[1] : "0");
    m.put("content", body.path("content").asText());
    m.set(
        "author",
        json.valueToTree(
            Map.of("id", BOT_ID, "username", "Meister", "discriminator", "0", "bot", true)));
    m.put("timestamp", "2026-11-25T09:00:00.000000+00:00");
    m.set(
        "components",
        body.path("components").isMissingNode() ? json.createArrayNode() : body.path("components"));
    // The Attachment objects of fixtures/discord/message.with-attachment.json, one per file.
    ArrayNode attachments = m.putArray("attachments");
    for (MultipartPart f : files) {
      String name = f.fileName().orElseThrow();
      String where = m.path("channel_id").asText() + "/" + id + attachments.size() + "/" + name;
      ((ObjectNode) attachments.add(ATTACHMENT.deepCopy()).get(attachments.size() - 1))
          .put("id", id + attachments.size())
          .put("filename", name)
          .put("size", f.content().length)
          .put("url", "https://cdn.discordapp.com/attachments/" + where)
          .put("proxy_url", "https://media.discordapp.net/attachments/" + where)
          .put("content_type", f.contentType().orElse("application/octet-stream"));
    }
    return m;
  }

  /** The id the fake gave the last call, e.g. a message just created. */
  public synchronized @Nullable String lastId() {
    return calls.isEmpty() ? null : calls.get(calls.size() - 1).id();
  }
}
