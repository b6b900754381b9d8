package dev.meister.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.meister.bot.webhook.RecordingSink;
import dev.meister.bot.webhook.WebhookServer;
import dev.meister.core.chat.ChatEvent;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator.ReplaceUnderscores;
import org.junit.jupiter.api.Test;

/** {@code POST /hooks/slack}: Slack's request signing and the slash-command acknowledgement. */
@DisplayNameGeneration(ReplaceUnderscores.class)
class SlackWebhookTest {
  private static final String TOKEN = "xoxb-test";
  private static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
  private static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");

  private final FakeSlackApi slack = new FakeSlackApi(TOKEN);
  private final SlackApi api = new SlackApi(TOKEN, slack.url());
  private final List<ChatEvent> received = new ArrayList<>();
  private final SlackReceiver receiver =
      new SlackReceiver(api, TOKEN, SECRET, Set.of("C0ALERTS"), this::receive);
  private final WebhookServer server =
      new WebhookServer(
              List.of(receiver.webhook(SECRET, Clock.fixed(NOW, ZoneOffset.UTC))),
              new RecordingSink(),
              Map.of())
          .start("127.0.0.1", 0);
  private final HttpClient http = HttpClient.newHttpClient();
  private final SlackSignature signer =
      new SlackSignature(SECRET, Clock.fixed(NOW, ZoneOffset.UTC));

  SlackWebhookTest() throws java.io.IOException {}

  private synchronized void receive(ChatEvent event) {
    received.add(event);
  }

  @AfterEach
  void stop() {
    server.close();
    receiver.close();
    api.close();
    slack.close();
  }

  private static String command(String channel, String command, String text) {
    return "token=t&team_id=T0TEAM&channel_id="
        + channel
        + "&channel_name=alerts"
        + "&user_id=U0BOB&user_name=bob&command="
        + URLEncoder.encode(command, StandardCharsets.UTF_8)
        + "&text="
        + URLEncoder.encode(text, StandardCharsets.UTF_8)
        + "&api_app_id=A0APP&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2F1"
        + "&trigger_id=13345224609.738474920.8088930838d88f008e0";
  }

  private HttpResponse<String> post(String body, String timestamp, String signature)
      throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/hooks/slack"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("X-Slack-Request-Timestamp", timestamp)
            .header("X-Slack-Signature", signature)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** {@code body} as a signed, fresh Events API request. */
  private HttpResponse<String> postJson(String body) throws Exception {
    String ts = String.valueOf(NOW.getEpochSecond());
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/hooks/slack"))
            .header("Content-Type", "application/json")
            .header("X-Slack-Request-Timestamp", ts)
            .header("X-Slack-Signature", signer.sign(ts, body.getBytes(StandardCharsets.UTF_8)))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private synchronized @Nullable ChatEvent firstReceived() {
    return received.isEmpty() ? null : received.get(0);
  }

  private ChatEvent awaitEvent() {
    return await("an event within 10 s")
        .atMost(Duration.ofSeconds(10))
        .until(this::firstReceived, Objects::nonNull);
  }

  @Test
  void a_signed_slash_command_is_acknowledged_empty_and_handed_on() throws Exception {
    String body = command("C0ALERTS", "/whoisoncall", "buildmeister");
    String ts = String.valueOf(NOW.getEpochSecond());

    HttpResponse<String> answer =
        post(body, ts, signer.sign(ts, body.getBytes(StandardCharsets.UTF_8)));

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).isEmpty();
    ChatEvent.Command c = (ChatEvent.Command) awaitEvent();
    assertThat(c.name()).isEqualTo("whoisoncall");
    assertThat(c.args()).containsExactly("buildmeister");
    assertThat(c.sender().userId()).isEqualTo("U0BOB");
  }

  @Test
  void the_umbrella_command_takes_the_subcommand_from_its_text() throws Exception {
    String body = command("C0ALERTS", "/meister", "schedule buildmeister 2");
    String ts = String.valueOf(NOW.getEpochSecond());

    post(body, ts, signer.sign(ts, body.getBytes(StandardCharsets.UTF_8)));

    ChatEvent.Command c = (ChatEvent.Command) awaitEvent();
    assertThat(c.name()).isEqualTo("schedule");
    assertThat(c.args()).containsExactly("buildmeister", "2");
  }

  @Test
  void a_command_in_a_channel_meister_does_not_serve_is_answered_only_to_the_person()
      throws Exception {
    String body = command("C0ELSEWHERE", "/whoisoncall", "");
    String ts = String.valueOf(NOW.getEpochSecond());

    HttpResponse<String> answer =
        post(body, ts, signer.sign(ts, body.getBytes(StandardCharsets.UTF_8)));

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).contains(SlackReceiver.NOT_HERE);
    assertThat(received).isEmpty();
  }

  @Test
  void slacks_url_verification_is_answered_with_its_challenge() throws Exception {
    String body =
        "{\"token\":\"Jhj5dZrVaK7ZwHHjRyZWjbDl\",\"challenge\":"
            + "\"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P\",\"type\":\"url_verification\"}";

    HttpResponse<String> answer = postJson(body);

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).contains("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");
  }

  @Test
  void a_signed_event_with_a_value_of_the_wrong_type_is_refused_with_400() throws Exception {
    // Found by -Pfuzz: Bolt reads the event into Gson objects only when it runs, and threw.
    String body =
        "{\"token\": \"t\", \"team_id\": \"T0TEAM\", \"api_app_id\": \"A0APP\","
            + " \"type\": \"event_callback\", \"event_id\": \"Ev00\", \"event_time\": N1764061300,"
            + " \"event\": {\"type\": \"app_mention\", \"channel\": \"C0ALERTS\","
            + " \"user\": \"U0CLIENT\", \"text\": \"<@U0BOT> is ohlcv late?\", \"ts\": \"1.3\"}}";

    HttpResponse<String> answer = postJson(body);

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.body()).contains("malformed Slack payload: JsonSyntaxException");
    assertThat(firstReceived()).isNull();
  }

  @Test
  void a_wrong_signature_is_refused_with_401() throws Exception {
    String body = command("C0ALERTS", "/ack", "1");
    String ts = String.valueOf(NOW.getEpochSecond());

    HttpResponse<String> answer =
        post(body, ts, signer.sign(ts, "other".getBytes(StandardCharsets.UTF_8)));

    assertThat(answer.statusCode()).isEqualTo(401);
    assertThat(answer.body()).contains("invalid X-Slack-Signature");
  }

  @Test
  void a_timestamp_whose_distance_from_now_overflows_is_a_replay_too() {
    // Found by SlackRequestFuzzTest: |now - ts| came out as Long.MIN_VALUE, negative, "fresh".
    String farOff = String.valueOf(Long.MIN_VALUE + NOW.getEpochSecond());
    byte[] body = command("C0ALERTS", "/ack", "1").getBytes(StandardCharsets.UTF_8);

    assertThat(
            signer.problem(
                java.util.Optional.of(farOff),
                java.util.Optional.of(signer.sign(farOff, body)),
                body))
        .contains("X-Slack-Request-Timestamp is more than 5 minutes off");
  }

  @Test
  void a_correctly_signed_request_older_than_five_minutes_is_a_replay_and_refused()
      throws Exception {
    String body = command("C0ALERTS", "/ack", "1");
    String stale =
        String.valueOf(NOW.minus(Duration.ofMinutes(5)).minusSeconds(1).getEpochSecond());

    HttpResponse<String> answer =
        post(body, stale, signer.sign(stale, body.getBytes(StandardCharsets.UTF_8)));

    assertThat(answer.statusCode()).isEqualTo(401);
    assertThat(answer.body()).contains("more than 5 minutes off");
    assertThat(received).isEmpty();
  }

  @Test
  void the_signature_matches_slacks_documented_example() {
    // api.slack.com/authentication/verifying-requests-from-slack, with its secret and timestamp.
    SlackSignature docs =
        new SlackSignature(SECRET, Clock.fixed(Instant.ofEpochSecond(1531420618), ZoneOffset.UTC));
    String body =
        "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow"
            + "&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner"
            + "&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2F"
            + "commands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN"
            + "&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";

    assertThat(docs.sign("1531420618", body.getBytes(StandardCharsets.UTF_8)))
        .isEqualTo("v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503");
  }
}
