package dev.meister.bot.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meister.testing.ApiAnswer;
import dev.meister.testing.ApiRequest;
import dev.meister.testing.LoopbackApi;
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

  private final ObjectMapper json = new ObjectMapper();
  private final String token;

  /** One request: method, path below {@code /api/v10/}, JSON body, and the id it was given. */
  public record Call(String method, String path, JsonNode body, String id) {}

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
  protected ApiAnswer serve(ApiRequest request) {
    if (!request.path().startsWith(PREFIX)) {
      return ApiAnswer.json(404, "{\"message\": \"404: Not Found\", \"code\": 0}");
    }
    String path = request.path().substring(PREFIX.length());
    JsonNode body = request.json();
    if (path.startsWith("channels/")
        && !request.header("Authorization").equals(Optional.of("Bot " + token))) {
      return ApiAnswer.json(401, "{\"message\": \"401: Unauthorized\", \"code\": 0}");
    }
    String id;
    synchronized (this) {
      id = String.valueOf(nextId++);
      calls.add(new Call(request.method(), path, body, id));
    }
    return scripted(request).orElseGet(() -> ApiAnswer.json(200, message(path, body, id)));
  }

  private ObjectNode message(String path, JsonNode body, String id) {
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
    return m;
  }

  /** The id the fake gave the last call, e.g. a message just created. */
  public synchronized @Nullable String lastId() {
    return calls.isEmpty() ? null : calls.get(calls.size() - 1).id();
  }
}
