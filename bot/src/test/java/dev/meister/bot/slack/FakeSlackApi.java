package dev.meister.bot.slack;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meister.testing.ApiAnswer;
import dev.meister.testing.ApiRequest;
import dev.meister.testing.LoopbackApi;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A Slack Web API on 127.0.0.1 speaking Slack's JSON (https://api.slack.com/methods): records every
 * call's parameters (form fields or JSON, with {@code blocks} parsed), answers {@code auth.test},
 * {@code chat.postMessage}, {@code chat.update}, {@code chat.postEphemeral}, {@code
 * apps.connections.open} and the three steps of a file upload (files.getUploadURLExternal, the
 * bytes POSTed to the upload URL it hands out, files.completeUploadExternal), refuses a wrong token
 * with {@code invalid_auth}, and can be told to fail the next calls.
 */
public final class FakeSlackApi extends LoopbackApi {
  public static final String BOT_USER = "U0BOT";
  public static final String BOT_ID = "B0BOT";
  public static final String TEAM = "T0TEAM";

  /** Where the fake takes uploaded bytes: Slack's own upload URLs are on files.slack.com. */
  private static final String UPLOAD_PATH = "/upload/v1/";

  private final ObjectMapper json = new ObjectMapper();
  private final String botToken;

  // Guarded by "this".
  private final Map<String, List<JsonNode>> calls = new HashMap<>();
  private long nextTs = 1_764_061_200L;
  private long nextFileId = 44_000_001L;
  private final Map<String, Upload> pending = new HashMap<>();
  private final Map<String, Upload> uploads = new HashMap<>();
  private @Nullable String socketUrl;

  /** The workspace's user groups by handle, as usergroups.* see them. */
  private final Map<String, ObjectNode> userGroups = new LinkedHashMap<>();

  private long nextGroupId = 614_001L;

  public FakeSlackApi(String botToken) throws IOException {
    super("fake-slack");
    this.botToken = botToken;
  }

  /** A user group that exists before Meister runs, e.g. one an admin disabled. */
  public synchronized void userGroup(String handle, boolean disabled, String... users) {
    ObjectNode g = json.createObjectNode();
    g.put("id", "S0" + nextGroupId++)
        .put("team_id", TEAM)
        .put("is_usergroup", true)
        .put("name", handle)
        .put("handle", handle)
        .put("date_create", 1764061200)
        .put("date_delete", disabled ? 1764061300 : 0)
        .put("user_count", users.length);
    ArrayNode list = g.putArray("users");
    for (String u : users) {
      list.add(u);
    }
    userGroups.put(handle, g);
  }

  /** The members of the user group {@code handle} now, and whether it is enabled. */
  public synchronized List<String> userGroupMembers(String handle) {
    ObjectNode g = userGroups.get(handle);
    if (g == null || g.path("date_delete").asLong() != 0) {
      return List.of();
    }
    List<String> users = new ArrayList<>();
    g.path("users").forEach(u -> users.add(u.asText()));
    return users;
  }

  /** The prefix to give {@code SlackConfig.setMethodsEndpointUrlPrefix}. */
  public String url() {
    return root() + "/api/";
  }

  /** What {@code apps.connections.open} hands out: the fake Socket Mode server. */
  public synchronized void socketModeAt(String url) {
    this.socketUrl = url;
  }

  public void failNext(String method, int status, Map<String, String> headers, String body) {
    failNext(
        r -> r.path().equals("/api/" + method),
        new ApiAnswer(status, "application/json; charset=utf-8", headers, body));
  }

  /** The next POST of bytes to an upload URL answers {@code status}. */
  public void failNextUpload(int status) {
    failNext(
        r -> r.path().startsWith(UPLOAD_PATH), ApiAnswer.text(status, "text/plain", "unavailable"));
  }

  public void rateLimitNext(String method, int retryAfterSeconds) {
    failNext(
        method,
        429,
        Map.of("Retry-After", String.valueOf(retryAfterSeconds)),
        "{\"ok\":false,\"error\":\"ratelimited\"}");
  }

  public synchronized List<JsonNode> calls(String method) {
    return List.copyOf(calls.getOrDefault(method, List.of()));
  }

  /** Every call of the chat methods, in order: what the channel saw. */
  public synchronized List<JsonNode> all() {
    List<JsonNode> all = new ArrayList<>();
    calls.values().forEach(all::addAll);
    all.sort((a, b) -> Long.compare(a.path("_seq").asLong(), b.path("_seq").asLong()));
    return all;
  }

  private long seq;

  /**
   * A file whose bytes reached the upload URL: the name and length files.getUploadURLExternal was
   * told, the type the upload was sent with, and the bytes.
   */
  @SuppressWarnings("ArrayRecordComponent") // Copied in and out.
  public record Upload(
      String fileId, String filename, int length, String contentType, byte[] bytes) {
    public Upload {
      bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
      return bytes.clone();
    }
  }

  /** The uploads the fake has received bytes for, by file id. */
  public synchronized Map<String, Upload> uploads() {
    return Map.copyOf(uploads);
  }

  @Override
  protected ApiAnswer serve(ApiRequest request) throws IOException {
    if (request.path().startsWith(UPLOAD_PATH)) {
      return scripted(request).orElseGet(() -> receiveUpload(request));
    }
    if (!request.path().startsWith("/api/")) {
      return ApiAnswer.text(404, "text/plain", "Not Found");
    }
    String method = request.path().substring("/api/".length());
    String type = request.header("Content-Type").orElse("");
    ObjectNode params =
        type.startsWith("application/json")
            ? (ObjectNode) json.readTree(request.body())
            : form(request.body());
    String auth = request.header("Authorization").orElse("null");
    if (params.has("token")) {
      auth = "Bearer " + params.path("token").asText();
    }
    record(method, params);
    Optional<ApiAnswer> failure = scripted(request);
    if (failure.isPresent()) {
      synchronized (this) {
        params.put("_failed", true);
      }
      return failure.get();
    }
    if (!method.equals("apps.connections.open") && !auth.equals("Bearer " + botToken)) {
      return json(200, "{\"ok\":false,\"error\":\"invalid_auth\"}");
    }
    return json(200, json.writeValueAsString(answer(method, params)));
  }

  private static ApiAnswer json(int status, String body) {
    return ApiAnswer.json(status, body).as("application/json; charset=utf-8");
  }

  private ObjectNode form(String body) throws IOException {
    ObjectNode params = json.createObjectNode();
    for (String pair : body.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value =
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      if (key.equals("blocks") || key.equals("files")) {
        params.set(key, json.readTree(value));
      } else {
        params.put(key, value);
      }
    }
    return params;
  }

  /** Step 2: the bytes at the URL step 1 handed out (Slack answers 200 "OK - <length>"). */
  private synchronized ApiAnswer receiveUpload(ApiRequest request) {
    String fileId = request.path().substring(UPLOAD_PATH.length());
    Upload announced = pending.remove(fileId);
    if (announced == null) {
      return ApiAnswer.text(404, "text/plain", "Not Found");
    }
    byte[] bytes = request.bytes();
    uploads.put(
        fileId,
        new Upload(
            fileId,
            announced.filename(),
            announced.length(),
            request.header("Content-Type").orElse(""),
            bytes));
    return ApiAnswer.text(200, "text/plain", "OK - " + bytes.length);
  }

  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  /** A copy of an answer in fixtures/slack (see its SOURCES.md). */
  private ObjectNode fixture(String name) {
    try (InputStream in = FakeSlackApi.class.getResourceAsStream("/fixtures/slack/" + name)) {
      return (ObjectNode) json.readTree(Objects.requireNonNull(in, name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private synchronized void record(String method, ObjectNode params) {
    params.put("_seq", seq++);
    params.put("_method", method);
    calls.computeIfAbsent(method, m -> new ArrayList<>()).add(params);
  }

  private synchronized Map<String, Object> answer(String method, ObjectNode params) {
    Map<String, Object> ok = new LinkedHashMap<>();
    ok.put("ok", true);
    switch (method) {
      case "auth.test" -> {
        ok.put("url", "https://acme.slack.com/");
        ok.put("team", "Acme");
        ok.put("user", "meister");
        ok.put("team_id", TEAM);
        ok.put("user_id", BOT_USER);
        ok.put("bot_id", BOT_ID);
      }
      case "chat.postMessage" -> {
        String ts = nextTs++ + ".000100";
        params.put("_ts", ts);
        ok.put("channel", params.path("channel").asText());
        ok.put("ts", ts);
        ok.put(
            "message",
            Map.of(
                "type",
                "message",
                "user",
                BOT_USER,
                "bot_id",
                BOT_ID,
                "text",
                params.path("text").asText(),
                "ts",
                ts));
      }
      case "chat.update" -> {
        ok.put("channel", params.path("channel").asText());
        ok.put("ts", params.path("ts").asText());
        ok.put("text", params.path("text").asText());
      }
      case "chat.postEphemeral" -> ok.put("message_ts", nextTs++ + ".000200");
      case "files.getUploadURLExternal" -> {
        String fileId = "F0" + (nextFileId++);
        pending.put(
            fileId,
            new Upload(
                fileId,
                params.path("filename").asText(),
                params.path("length").asInt(),
                "",
                new byte[0]));
        ObjectNode answer = fixture("files.getUploadURLExternal.json");
        answer.put("upload_url", root() + UPLOAD_PATH + fileId).put("file_id", fileId);
        return json.convertValue(answer, MAP);
      }
      case "files.completeUploadExternal" -> {
        // A file whose bytes never arrived, or arrived with another length than announced, is the
        // adapter's bug: the fake fails loudly.
        ObjectNode answer = fixture("files.completeUploadExternal.json");
        ArrayNode files = answer.putArray("files");
        for (JsonNode f : params.path("files")) {
          Upload u = uploads.get(f.path("id").asText());
          if (u == null || u.bytes.length != u.length) {
            throw new IllegalStateException("completing " + f + " that was not uploaded whole");
          }
          files
              .addObject()
              .put("id", u.fileId())
              .put("title", f.path("title").asText(u.filename()));
        }
        return json.convertValue(answer, MAP);
      }
      // https://api.slack.com/methods/usergroups.list, .create, .enable, .users.update: each
      // answers the usergroup object with its id, handle, name, date_delete and users.
      case "usergroups.list" -> {
        ArrayNode list = json.createArrayNode();
        for (ObjectNode g : userGroups.values()) {
          String disabled = params.path("include_disabled").asText();
          if (g.path("date_delete").asLong() == 0
              || disabled.equals("true")
              || disabled.equals("1")) {
            list.add(g.deepCopy());
          }
        }
        ok.put("usergroups", list);
      }
      case "usergroups.create" -> {
        String handle = params.path("handle").asText();
        if (userGroups.containsKey(handle)) {
          return Map.of("ok", false, "error", "name_already_exists");
        }
        ObjectNode g = json.createObjectNode();
        g.put("id", "S0" + nextGroupId++)
            .put("team_id", TEAM)
            .put("is_usergroup", true)
            .put("name", params.path("name").asText())
            .put("handle", handle)
            .put("date_create", 1764061200)
            .put("date_delete", 0)
            .put("user_count", 0);
        g.putArray("users");
        userGroups.put(handle, g);
        ok.put("usergroup", g.deepCopy());
      }
      case "usergroups.enable", "usergroups.users.update" -> {
        String id = params.path("usergroup").asText();
        ObjectNode g =
            userGroups.values().stream()
                .filter(x -> x.path("id").asText().equals(id))
                .findFirst()
                .orElse(null);
        if (g == null) {
          return Map.of("ok", false, "error", "no_such_subteam");
        }
        if (method.equals("usergroups.enable")) {
          g.put("date_delete", 0);
        } else {
          ArrayNode users = g.putArray("users");
          for (String u : params.path("users").asText().split(",")) {
            users.add(u);
          }
          g.put("user_count", users.size());
        }
        ok.put("usergroup", g.deepCopy());
      }
      case "apps.connections.open" -> {
        if (socketUrl == null) {
          return Map.of("ok", false, "error", "not_allowed_token_type");
        }
        ok.put("url", socketUrl);
      }
      default -> {
        return Map.of("ok", false, "error", "unknown_method");
      }
    }
    return ok;
  }
}
