package dev.meister.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator.ReplaceUnderscores;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(ReplaceUnderscores.class)
class LoopbackApiTest {
  /** Echoes the path as JSON; {@code /boom} is a bug in the fake. */
  private static final class EchoApi extends LoopbackApi {
    EchoApi() throws IOException {
      super("echo-api");
    }

    @Override
    protected ApiAnswer serve(ApiRequest request) {
      if (request.path().equals("/boom")) {
        throw new IllegalStateException("fake bug");
      }
      return scripted(request)
          .orElseGet(() -> ApiAnswer.json(200, "{\"path\":\"" + request.path() + "\"}"));
    }
  }

  private final EchoApi api = new EchoApi();
  private final HttpClient http = HttpClient.newHttpClient();

  LoopbackApiTest() throws IOException {}

  @AfterEach
  void stop() {
    api.close();
  }

  private HttpResponse<String> post(String path, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(api.root() + path))
            .header("X-Token", "t1")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void serves_json_on_loopback_and_logs_every_request_in_order() throws Exception {
    HttpResponse<String> answer = post("/a?x=1", "{\"n\":1}");
    post("/b", "");

    assertThat(api.root()).isEqualTo("http://127.0.0.1:" + api.port());
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(answer.body()).isEqualTo("{\"path\":\"/a\"}");
    assertThat(api.received())
        .extracting(ApiRequest::line)
        .containsExactly("POST /a?x=1", "POST /b");
    ApiRequest first = api.received().get(0);
    assertThat(first.seq()).isZero();
    assertThat(first.header("x-token")).hasValue("t1");
    assertThat(first.json().path("n").asInt()).isEqualTo(1);
    assertThat(api.received().get(1).json().isEmpty()).isTrue();
  }

  @Test
  void a_scripted_failure_answers_the_next_matching_request_once() throws Exception {
    api.failNext(
        r -> r.path().equals("/limited"),
        ApiAnswer.json(429, "{\"retry_after\":2}").withHeader("Retry-After", "2"));

    HttpResponse<String> other = post("/other", "");
    HttpResponse<String> limited = post("/limited", "");
    HttpResponse<String> again = post("/limited", "");

    assertThat(other.statusCode()).isEqualTo(200);
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("Retry-After")).hasValue("2");
    assertThat(limited.body()).isEqualTo("{\"retry_after\":2}");
    assertThat(again.statusCode()).isEqualTo(200);
  }

  @Test
  void a_bug_in_the_fake_is_a_500_naming_it_and_the_request_is_still_logged() throws Exception {
    HttpResponse<String> answer = post("/boom", "");

    assertThat(answer.statusCode()).isEqualTo(500);
    assertThat(answer.body()).contains("fake bug");
    assertThat(api.received()).hasSize(1);
  }

  @Test
  void await_requests_returns_once_enough_have_arrived() throws Exception {
    Thread sender =
        new Thread(
            () -> {
              try {
                post("/late", "");
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    sender.start();

    assertThat(api.awaitRequests(r -> r.path().equals("/late"), 1)).hasSize(1);
    sender.join();
  }

  @Test
  void a_closed_api_refuses_connections() {
    api.close();

    assertThatThrownBy(() -> post("/a", "")).isInstanceOf(ConnectException.class);
  }
}
