package dev.meister.bot.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meister.bot.config.MeisterConfig;
import dev.meister.bot.slack.FakeSlackApi;
import dev.meister.bot.slack.SlackApi;
import dev.meister.bot.slack.SlackChatPort;
import dev.meister.bot.slack.SlackReceiver;
import dev.meister.bot.slack.SlackRenderer;
import dev.meister.bot.webhook.WebhookEndpoint;
import dev.meister.core.chat.Attachment;
import dev.meister.core.chat.ChatEventHandler;
import dev.meister.core.chat.ChatPort;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The adapter contract on Slack in HTTP mode: a fake Web API on loopback (the SDK's methods
 * endpoint pointed at it), and slash commands, button presses and thread replies sent to {@code
 * /hooks/slack} as Slack sends them, signed with the signing secret.
 */
class SlackContractTest extends ChatAdapterContract {
  @Override
  ChatHarness harness() throws Exception {
    return new SlackHarness();
  }

  @org.junit.jupiter.api.Test
  void a_rate_limited_alert_waits_for_slacks_retry_after_and_is_then_posted_once()
      throws Exception {
    FakeSlackApi slack = ((SlackHarness) chat).slack;
    slack.rateLimitNext("chat.postMessage", 30);

    assertThat(postFailure().statusCode()).isEqualTo(202);
    runtime.worker().deliverDue();
    clock.advance(java.time.Duration.ofSeconds(20));
    runtime.worker().deliverDue();
    int triedBeforeRetryAfter = slack.calls("chat.postMessage").size();
    clock.advance(java.time.Duration.ofSeconds(11));
    ChatHarness.Sent alert =
        awaitSent(
            "the alert after Retry-After",
            s -> s.kind() == ChatHarness.Kind.POST && s.text().contains("Build fail"));

    assertThat(triedBeforeRetryAfter).isEqualTo(1);
    // Top-level posts only: the analysis's reply listing the failing tests goes in the thread.
    assertThat(slack.calls("chat.postMessage").stream().filter(c -> !c.has("thread_ts")))
        .hasSize(2);
    assertThat(alert.buttons()).first().asString().startsWith("ack:");
  }

  @SuppressWarnings(
      "NullAway.Init") // Set by ports() and connect(), which the contract calls first.
  static final class SlackHarness implements ChatHarness {
    static final String BOT_TOKEN = "xoxb-contract-token";
    static final String SIGNING_SECRET = "contract-signing-secret";
    static final String CHANNEL = "C0ALERTS";
    private static final ObjectMapper JSON = new ObjectMapper();

    final FakeSlackApi slack = new FakeSlackApi(BOT_TOKEN);
    private final HttpClient http = HttpClient.newHttpClient();
    private final AtomicInteger next = new AtomicInteger();
    private SlackApi api;
    private SlackReceiver receiver;
    private Clock clock;
    private int port;

    SlackHarness() throws java.io.IOException {}

    @Override
    public String adapter() {
      return "slack";
    }

    @Override
    public String chatsYaml() {
      return """
          slack:
            bot_token: ${SLACK_BOT_TOKEN}
            signing_secret: ${SLACK_SIGNING_SECRET}
            mode: http
            channels:
              alerts: { channel: %s }"""
          .formatted(CHANNEL)
          .indent(2);
    }

    @Override
    public Map<String, String> env() {
      return Map.of("SLACK_BOT_TOKEN", BOT_TOKEN, "SLACK_SIGNING_SECRET", SIGNING_SECRET);
    }

    @Override
    public List<ChatPort> ports(MeisterConfig config) {
      api = new SlackApi(BOT_TOKEN, slack.url());
      return List.of(new SlackChatPort(api, new SlackRenderer(config.team())));
    }

    @Override
    public List<WebhookEndpoint> connect(ChatEventHandler dispatcher, Clock clock) {
      this.clock = clock;
      receiver = new SlackReceiver(api, BOT_TOKEN, SIGNING_SECRET, Set.of(CHANNEL), dispatcher);
      return List.of(receiver.webhook(SIGNING_SECRET, clock));
    }

    @Override
    public void webhooksAt(int port) {
      this.port = port;
    }

    @Override
    public String identity(Person who) {
      return switch (who) {
        case ALICE -> "U0ALICE";
        case BOB -> "U0BOB";
        case OUTSIDER -> "U0MALLORY";
      };
    }

    @Override
    public String mentionTyped(Person who) {
      return "<@" + identity(who) + "|" + handle(who) + ">";
    }

    private static String handle(Person who) {
      return who.name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public void command(Person who, String line) throws Exception {
      int space = line.indexOf(' ');
      Map<String, String> form = new LinkedHashMap<>();
      form.put("token", "verification-token-unused");
      form.put("team_id", FakeSlackApi.TEAM);
      form.put("team_domain", "acme");
      form.put("channel_id", CHANNEL);
      form.put("channel_name", "alerts");
      form.put("user_id", identity(who));
      form.put("user_name", handle(who));
      form.put("command", space < 0 ? line : line.substring(0, space));
      form.put("text", space < 0 ? "" : line.substring(space + 1));
      form.put("api_app_id", "A0APP");
      form.put("is_enterprise_install", "false");
      form.put("response_url", "https://hooks.slack.com/commands/T0TEAM/1/abc");
      form.put("trigger_id", "1764061300.1." + next.incrementAndGet());
      HttpResponse<String> response = post(encode(form), "application/x-www-form-urlencoded");
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      assertThat(response.body()).as("a command is acknowledged with no text").isEmpty();
    }

    /** Slack has no such thing: it answers a slash command in a thread with "not supported". */
    @Override
    public boolean commandsCanReply() {
      return false;
    }

    @Override
    public void commandReplying(Sent to, Person who, String line) {
      throw new UnsupportedOperationException("Slack sends no slash commands from threads");
    }

    @Override
    public String mention(Person who, String text) throws Exception {
      // Slack's app_mention event (https://api.slack.com/events/app_mention).
      String ts = "1764061300.00" + (1000 + next.incrementAndGet());
      Map<String, Object> event = new LinkedHashMap<>();
      event.put("type", "app_mention");
      event.put("user", identity(who));
      event.put("text", "<@" + FakeSlackApi.BOT_USER + "> " + text);
      event.put("ts", ts);
      event.put("channel", CHANNEL);
      event.put("event_ts", ts);
      Map<String, Object> envelope = new LinkedHashMap<>();
      envelope.put("token", "verification-token-unused");
      envelope.put("team_id", FakeSlackApi.TEAM);
      envelope.put("api_app_id", "A0APP");
      envelope.put("event", event);
      envelope.put("type", "event_callback");
      envelope.put("event_id", "Ev0" + next.incrementAndGet());
      envelope.put("event_time", 1764061300);
      HttpResponse<String> response = post(JSON.writeValueAsString(envelope), "application/json");
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      return ts;
    }

    @Override
    public void commandQuoting(
        String messageId, Person author, String quoted, Person who, String line) {
      throw new UnsupportedOperationException("Slack has no slash commands in threads");
    }

    @Override
    public String reply(Sent to, Person who, String text) throws Exception {
      String ts = "1764061300.00" + (1000 + next.incrementAndGet());
      Map<String, Object> event = new LinkedHashMap<>();
      event.put("type", "message");
      event.put("channel", CHANNEL);
      event.put("user", identity(who));
      event.put("text", text);
      event.put("ts", ts);
      event.put("thread_ts", to.id());
      event.put("parent_user_id", FakeSlackApi.BOT_USER);
      event.put("channel_type", "channel");
      event.put("event_ts", ts);
      Map<String, Object> envelope = new LinkedHashMap<>();
      envelope.put("token", "verification-token-unused");
      envelope.put("team_id", FakeSlackApi.TEAM);
      envelope.put("api_app_id", "A0APP");
      envelope.put("event", event);
      envelope.put("type", "event_callback");
      envelope.put("event_id", "Ev0" + next.incrementAndGet());
      envelope.put("event_time", 1764061300);
      HttpResponse<String> response = post(JSON.writeValueAsString(envelope), "application/json");
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      return ts;
    }

    @Override
    public void press(Sent on, Person who, String action) throws Exception {
      String payload =
          on.buttons().stream()
              .filter(b -> b.startsWith(action + ":"))
              .findFirst()
              .orElseThrow()
              .substring(action.length() + 1);
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("type", "block_actions");
      body.put(
          "user",
          Map.of(
              "id",
              identity(who),
              "username",
              handle(who),
              "name",
              handle(who),
              "team_id",
              FakeSlackApi.TEAM));
      body.put("api_app_id", "A0APP");
      body.put("token", "verification-token-unused");
      body.put(
          "container",
          Map.of(
              "type",
              "message",
              "message_ts",
              on.id(),
              "channel_id",
              CHANNEL,
              "is_ephemeral",
              false));
      body.put("trigger_id", "1764061300.2." + next.incrementAndGet());
      body.put("team", Map.of("id", FakeSlackApi.TEAM, "domain", "acme"));
      body.put("channel", Map.of("id", CHANNEL, "name", "alerts"));
      body.put(
          "message",
          Map.of(
              "type",
              "message",
              "user",
              FakeSlackApi.BOT_USER,
              "bot_id",
              FakeSlackApi.BOT_ID,
              "ts",
              on.id(),
              "text",
              on.text()));
      body.put("response_url", "https://hooks.slack.com/actions/T0TEAM/1/xyz");
      body.put(
          "actions",
          List.of(
              Map.of(
                  "action_id",
                  action + "#0",
                  "block_id",
                  "meister-actions",
                  "text",
                  Map.of("type", "plain_text", "text", "Looking", "emoji", true),
                  "value",
                  payload,
                  "type",
                  "button",
                  "action_ts",
                  "1764061300.123456")));
      HttpResponse<String> response =
          post(
              encode(Map.of("payload", JSON.writeValueAsString(body))),
              "application/x-www-form-urlencoded");
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    HttpResponse<String> post(String body, String contentType) throws Exception {
      String timestamp = String.valueOf(clock.instant().getEpochSecond());
      HttpRequest request =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/hooks/slack"))
              .header("Content-Type", contentType)
              .header("X-Slack-Request-Timestamp", timestamp)
              .header("X-Slack-Signature", sign(timestamp, body))
              .POST(HttpRequest.BodyPublishers.ofString(body))
              .build();
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static String sign(String timestamp, String body) throws Exception {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(SIGNING_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return "v0="
          + HexFormat.of()
              .formatHex(
                  mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8)));
    }

    private static String encode(Map<String, String> form) {
      return form.entrySet().stream()
          .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
          .collect(Collectors.joining("&"));
    }

    @Override
    public List<Sent> sent() {
      List<Sent> sent = new ArrayList<>();
      for (JsonNode call : slack.all()) {
        String method = call.path("_method").asText();
        if (call.path("_failed").asBoolean()) {
          continue;
        }
        if (method.equals("chat.postMessage")) {
          String thread = call.path("thread_ts").asText("");
          sent.add(
              sent(
                  thread.isEmpty() ? Kind.POST : Kind.REPLY,
                  call.path("_ts").asText(),
                  thread,
                  call));
        } else if (method.equals("chat.update")) {
          sent.add(sent(Kind.EDIT, call.path("ts").asText(), "", call));
        } else if (method.equals("files.completeUploadExternal")) {
          sent.add(shared(call));
        }
      }
      return sent;
    }

    /** Files shared by a finished upload: in the thread it names, with the bytes that arrived. */
    private Sent shared(JsonNode call) {
      Map<String, FakeSlackApi.Upload> uploads = slack.uploads();
      List<Attachment> files = new ArrayList<>();
      List<String> ids = new ArrayList<>();
      for (JsonNode f : call.path("files")) {
        FakeSlackApi.Upload u =
            java.util.Objects.requireNonNull(uploads.get(f.path("id").asText()));
        ids.add(u.fileId());
        files.add(new Attachment(u.filename(), u.contentType(), u.bytes()));
      }
      String thread = call.path("thread_ts").asText("");
      return new Sent(
          thread.isEmpty() ? Kind.POST : Kind.REPLY,
          String.join(",", ids),
          thread,
          call.path("initial_comment").asText(""),
          List.of(),
          List.of(),
          List.of(),
          files);
    }

    /** What a person sees: the rich_text block's elements; mentions are its user elements. */
    static Sent sent(Kind kind, String id, String under, JsonNode call) {
      StringBuilder text = new StringBuilder();
      List<String> mentions = new ArrayList<>();
      List<String> buttons = new ArrayList<>();
      List<String> links = new ArrayList<>();
      for (JsonNode block : call.path("blocks")) {
        if (block.path("type").asText().equals("actions")) {
          for (JsonNode b : block.path("elements")) {
            String actionId = b.path("action_id").asText();
            buttons.add(
                actionId.substring(0, actionId.indexOf('#')) + ":" + b.path("value").asText());
          }
          continue;
        }
        for (JsonNode part : block.path("elements")) {
          for (JsonNode e : part.path("elements")) {
            switch (e.path("type").asText()) {
              case "user" -> {
                mentions.add(e.path("user_id").asText());
                text.append("@").append(e.path("user_id").asText());
              }
              case "emoji" -> text.append(':').append(e.path("name").asText()).append(':');
              case "link" -> {
                links.add(e.path("url").asText());
                text.append(e.path("text").asText(e.path("url").asText()));
              }
              default -> text.append(e.path("text").asText());
            }
          }
        }
      }
      return new Sent(kind, id, under, text.toString(), mentions, buttons, links);
    }

    /** Ephemeral messages with blocks (a press's answer is text alone) to that user. */
    @Override
    public boolean answersPrivatelyInPlace() {
      return true;
    }

    @Override
    public List<Sent> privately(Person who) {
      return slack.calls("chat.postEphemeral").stream()
          .filter(c -> c.path("user").asText().equals(identity(who)) && c.has("blocks"))
          .map(c -> sent(Kind.POST, "", c.path("channel").asText(), c))
          .toList();
    }

    @Override
    public List<String> answers() {
      return slack.calls("chat.postEphemeral").stream().map(c -> c.path("text").asText()).toList();
    }

    @Override
    public void close() {
      if (receiver != null) {
        receiver.close();
      }
      if (api != null) {
        api.close();
      }
      slack.close();
    }
  }
}
