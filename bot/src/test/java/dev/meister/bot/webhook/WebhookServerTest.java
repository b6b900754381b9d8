package dev.meister.bot.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meister.bot.webhook.Loopback.Answer;
import dev.meister.core.alert.AirflowTask;
import dev.meister.core.alert.Outcome;
import dev.meister.core.alert.RunEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator.ReplaceUnderscores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayNameGeneration(ReplaceUnderscores.class)
class WebhookServerTest {
  private static final String PATH = "/hooks/test";
  private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");

  private final RecordingSink sink = new RecordingSink();
  private final AtomicBoolean chatUp = new AtomicBoolean(true);
  private final Loopback server =
      new Loopback(
          List.of(new ParsingEndpoint()),
          sink,
          Map.of(
              "database",
              HealthStatus::healthy,
              "chat",
              () ->
                  chatUp.get() ? HealthStatus.healthy() : HealthStatus.unhealthy("telegram: 502")));

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void a_well_formed_request_reaches_the_sink() {
    Answer answer = server.post(PATH, JSON, json("{\"id\":\"a\"}"));

    assertThat(answer.status()).isEqualTo(202);
    assertThat(sink.onlyEvent().deliveryKey()).isEqualTo("test:a");
  }

  @Test
  void a_body_over_one_mebibyte_is_413_by_its_content_length() {
    byte[] body = padded(WebhookServer.MAX_BODY_BYTES + 1);

    Answer answer = server.post(PATH, JSON, body);

    assertThat(answer.status()).isEqualTo(413);
    assertThat(answer.text("error")).isEqualTo("body larger than 1048576 bytes");
    assertThat(sink.events()).isEmpty();
  }

  @Test
  void a_chunked_body_over_one_mebibyte_is_413_while_reading() {
    byte[] body = padded(WebhookServer.MAX_BODY_BYTES + 1);

    Answer answer = server.postChunked(PATH, JSON, body);

    assertThat(answer.status()).isEqualTo(413);
    assertThat(sink.events()).isEmpty();
  }

  @Test
  void a_body_of_exactly_one_mebibyte_is_read() {
    byte[] body = padded(WebhookServer.MAX_BODY_BYTES);

    Answer answer = server.postChunked(PATH, JSON, body);

    assertThat(answer.status()).isEqualTo(202);
  }

  @ParameterizedTest
  @ValueSource(strings = {"text/plain", "application/xml", "multipart/form-data; boundary=x"})
  void another_content_type_is_415(String contentType) {
    Answer answer = server.post(PATH, Map.of("Content-Type", contentType), json("{\"id\":\"a\"}"));

    assertThat(answer.status()).isEqualTo(415);
    assertThat(sink.events()).isEmpty();
  }

  @Test
  void a_charset_other_than_utf8_is_415() {
    Map<String, String> latin1 = Map.of("Content-Type", "application/json; charset=ISO-8859-1");

    Answer answer = server.post(PATH, latin1, json("{\"id\":\"a\"}"));

    assertThat(answer.status()).isEqualTo(415);
    assertThat(answer.text("error")).isEqualTo("unsupported charset iso-8859-1, expected utf-8");
  }

  @Test
  void json_with_a_utf8_charset_parameter_is_accepted() {
    Map<String, String> utf8 = Map.of("Content-Type", "Application/JSON; charset=UTF-8");

    Answer answer = server.post(PATH, utf8, json("{\"id\":\"a\"}"));

    assertThat(answer.status()).isEqualTo(202);
  }

  @Test
  void a_json_array_is_400() {
    Answer answer = server.post(PATH, JSON, json("[1,2]"));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.text("error")).isEqualTo("JSON body must be an object, not array");
  }

  @Test
  void an_empty_body_is_400() {
    Answer answer = server.post(PATH, JSON, new byte[0]);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.text("error")).isEqualTo("malformed JSON: empty body");
  }

  @Test
  void an_unknown_path_is_404_in_json() {
    Answer answer = server.post("/hooks/nope", JSON, json("{}"));

    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.text("error")).isEqualTo("not found");
  }

  @Test
  void health_is_up_when_every_check_passes() {
    Answer answer = server.get("/health");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.text("status")).isEqualTo("up");
    assertThat(answer.json().path("checks").path("chat").path("status").asText()).isEqualTo("up");
    assertThat(answer.json().path("checks").path("database").path("status").asText())
        .isEqualTo("up");
  }

  @Test
  void health_is_200_and_degraded_with_the_reason_while_a_chat_is_unreachable() {
    try (Loopback degraded =
        new Loopback(
            List.of(),
            sink,
            Map.of(
                "database",
                HealthStatus::healthy,
                "telegram",
                () -> HealthStatus.degraded("telegram: getMe failed: ConnectException")))) {
      Answer answer = degraded.get("/health");

      assertThat(answer.status()).isEqualTo(200);
      assertThat(answer.text("status")).isEqualTo("degraded");
      assertThat(answer.json().path("checks").path("telegram").path("status").asText())
          .isEqualTo("degraded");
      assertThat(answer.json().path("checks").path("telegram").path("detail").asText())
          .isEqualTo("telegram: getMe failed: ConnectException");
      assertThat(answer.json().path("checks").path("database").path("status").asText())
          .isEqualTo("up");
    }
  }

  @Test
  void health_is_503_when_a_check_fails() {
    chatUp.set(false);

    Answer answer = server.get("/health");

    assertThat(answer.status()).isEqualTo(503);
    assertThat(answer.text("status")).isEqualTo("down");
    assertThat(answer.json().path("checks").path("chat").path("detail").asText())
        .isEqualTo("telegram: 502");
    assertThat(answer.json().path("checks").path("database").path("status").asText())
        .isEqualTo("up");
  }

  @Test
  void health_says_the_role_of_this_instance() {
    Answer answer = server.get("/health");

    assertThat(answer.text("role")).isEqualTo("leader");
  }

  @Test
  void live_is_200_even_while_the_database_is_down() {
    HealthCheck down = () -> HealthStatus.unhealthy("database not reachable");
    try (Loopback failing = new Loopback(List.of(), sink, Map.of("database", down))) {
      Answer live = failing.get("/health/live");

      assertThat(live.status()).isEqualTo(200);
      assertThat(live.text("status")).isEqualTo("up");
      assertThat(failing.get("/health").status()).isEqualTo(503);
    }
  }

  @Test
  void ready_is_200_with_the_database_role_and_each_chat_when_all_are_up() {
    Answer answer = server.get("/health/ready");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.text("status")).isEqualTo("ready");
    assertThat(answer.text("role")).isEqualTo("leader");
    assertThat(answer.json().path("database").path("status").asText()).isEqualTo("up");
    assertThat(answer.json().path("chats").path("chat").path("status").asText()).isEqualTo("up");
    assertThat(answer.json().path("chats").has("database")).isFalse();
  }

  @Test
  void ready_is_503_while_a_chat_is_unreachable_though_health_stays_200() {
    try (Loopback degraded =
        new Loopback(
            List.of(),
            sink,
            Map.of(
                "database",
                HealthStatus::healthy,
                "telegram",
                () -> HealthStatus.degraded("telegram: connecting"),
                "slack",
                HealthStatus::healthy))) {
      Answer ready = degraded.get("/health/ready");

      assertThat(ready.status()).isEqualTo(503);
      assertThat(ready.text("status")).isEqualTo("not ready");
      assertThat(ready.json().path("chats").path("telegram").path("status").asText())
          .isEqualTo("degraded");
      assertThat(ready.json().path("chats").path("telegram").path("detail").asText())
          .isEqualTo("telegram: connecting");
      assertThat(ready.json().path("chats").path("slack").path("status").asText()).isEqualTo("up");
      assertThat(ready.json().path("database").path("status").asText()).isEqualTo("up");
      assertThat(degraded.get("/health").status()).isEqualTo(200);
    }
  }

  @Test
  void ready_is_503_when_the_database_is_down() {
    try (Loopback failing =
        new Loopback(
            List.of(),
            sink,
            Map.of(
                "database",
                () -> HealthStatus.unhealthy("database not reachable"),
                "chat",
                HealthStatus::healthy))) {
      Answer ready = failing.get("/health/ready");

      assertThat(ready.status()).isEqualTo(503);
      assertThat(ready.json().path("database").path("status").asText()).isEqualTo("down");
      assertThat(ready.json().path("database").path("detail").asText())
          .isEqualTo("database not reachable");
      assertThat(ready.json().path("chats").path("chat").path("status").asText()).isEqualTo("up");
    }
  }

  @Test
  void a_check_that_throws_counts_as_down_without_its_message() {
    HealthCheck throwing =
        () -> {
          throw new IllegalStateException("jdbc:postgresql://db?password=hunter2");
        };
    try (Loopback failing = new Loopback(List.of(), sink, Map.of("database", throwing))) {

      Answer answer = failing.get("/health");

      assertThat(answer.status()).isEqualTo(503);
      assertThat(answer.json().toString())
          .contains("check failed: IllegalStateException")
          .doesNotContain("hunter2");
    }
  }

  @Test
  void a_check_that_hangs_counts_as_down_after_the_timeout_and_the_others_still_answer()
      throws InterruptedException {
    java.util.concurrent.CountDownLatch never = new java.util.concurrent.CountDownLatch(1);
    HealthCheck hanging =
        () -> {
          try {
            never.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return HealthStatus.healthy();
        };
    Map<String, HealthCheck> checks = Map.of("chat", hanging, "database", HealthStatus::healthy);
    try (Loopback slow = new Loopback(sink, checks, java.time.Duration.ofMillis(300))) {
      long start = System.nanoTime();

      Answer answer = slow.get("/health");

      assertThat(java.time.Duration.ofNanos(System.nanoTime() - start))
          .isLessThan(java.time.Duration.ofSeconds(3));
      assertThat(answer.status()).isEqualTo(503);
      assertThat(answer.json().path("checks").path("chat").path("detail").asText())
          .isEqualTo("no answer within 300 ms");
      assertThat(answer.json().path("checks").path("database").path("status").asText())
          .isEqualTo("up");
    } finally {
      never.countDown();
    }
  }

  private static byte[] json(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** A JSON object of exactly {@code size} bytes. */
  private static byte[] padded(int size) {
    String head = "{\"id\":\"big\",\"pad\":\"";
    String tail = "\"}";
    char[] pad = new char[size - head.length() - tail.length()];
    Arrays.fill(pad, 'x');
    return json(head + new String(pad) + tail);
  }

  /** Delivers {@code test:<id>} for any JSON object with an id. */
  private static final class ParsingEndpoint implements WebhookEndpoint {
    @Override
    public String path() {
      return PATH;
    }

    @Override
    public String deliveryLabel(WebhookRequest request) {
      return "-";
    }

    @Override
    public Verdict handle(WebhookRequest request) {
      String id =
          WebhookJson.text(WebhookJson.parseObject(request.body()), "id")
              .orElseThrow(() -> WebhookRejection.missingField("id"));
      return Verdict.deliver(
          new RunEvent(
              "test:" + id, Outcome.FAILED, Instant.EPOCH, AirflowTask.builder("d").build()));
    }
  }
}
