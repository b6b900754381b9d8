package dev.meister.bot.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A {@link WebhookServer} on 127.0.0.1 with a random port, and a client for it. */
public final class Loopback implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final WebhookServer server;
  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  public Loopback(
      List<WebhookEndpoint> endpoints, RecordingSink sink, Map<String, HealthCheck> checks) {
    this.server = new WebhookServer(endpoints, sink, checks).start("127.0.0.1", 0);
  }

  /** A server whose {@code /health} waits at most {@code healthTimeout} for each check. */
  public Loopback(RecordingSink sink, Map<String, HealthCheck> checks, Duration healthTimeout) {
    this.server = new WebhookServer(List.of(), sink, checks, healthTimeout).start("127.0.0.1", 0);
  }

  public Loopback(WebhookEndpoint endpoint, RecordingSink sink) {
    this(List.of(endpoint), sink, Map.of());
  }

  /** The answer to one request: status and JSON body. */
  public record Answer(int status, JsonNode json) {
    public String text(String field) {
      return json.path(field).asText();
    }
  }

  public Answer post(String path, Map<String, String> headers, byte[] body) {
    return send(path, headers, HttpRequest.BodyPublishers.ofByteArray(body));
  }

  /** Posts without Content-Length (chunked), as a streaming client would. */
  public Answer postChunked(String path, Map<String, String> headers, byte[] body) {
    return send(
        path,
        headers,
        HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
  }

  public Answer get(String path) {
    return exchange(HttpRequest.newBuilder(uri(path)).GET().build());
  }

  private Answer send(String path, Map<String, String> headers, BodyPublisher body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).POST(body);
    headers.forEach(request::header);
    return exchange(request.build());
  }

  private Answer exchange(HttpRequest request) {
    try {
      HttpResponse<String> response =
          client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Answer(response.statusCode(), JSON.readTree(response.body()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  @Override
  public void close() {
    server.close();
  }
}
