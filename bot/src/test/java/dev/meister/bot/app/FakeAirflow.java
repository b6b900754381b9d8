package dev.meister.bot.app;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Airflow 3's REST API on loopback, as far as SLA checks read it: {@code GET
 * /api/v2/dags/{dag}/dagRuns} answered with the shared fixture, its state set by the test.
 */
final class FakeAirflow implements AutoCloseable {
  private final HttpServer server;
  private final List<String> requests = new ArrayList<>();
  private final List<String> authorizations = new ArrayList<>();
  private volatile String state = "running";
  private volatile int status = 200;

  FakeAirflow() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The state the latest run reports: running, success, failed, queued. */
  void latestRunIs(String newState) {
    this.state = newState;
  }

  /** Answers every request with {@code newStatus} (e.g. 503) until set back to 200. */
  void answer(int newStatus) {
    this.status = newStatus;
  }

  synchronized List<String> requests() {
    return List.copyOf(requests);
  }

  synchronized List<String> authorizations() {
    return List.copyOf(authorizations);
  }

  private synchronized void handle(HttpExchange ex) throws IOException {
    requests.add(ex.getRequestMethod() + " " + ex.getRequestURI());
    authorizations.add(String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
    if (status != 200) {
      send(ex, status, "{\"detail\":\"Service Unavailable\"}");
      return;
    }
    if (!ex.getRequestURI().getPath().equals("/api/v2/dags/prod-dagao/dagRuns")) {
      send(ex, 404, "{\"detail\":\"DAG not found\",\"status\":404,\"title\":\"Not Found\"}");
      return;
    }
    String body = fixture().replace("\"state\": \"running\"", "\"state\": \"" + state + "\"");
    send(ex, 200, body);
  }

  private static String fixture() {
    try (InputStream in = FakeAirflow.class.getResourceAsStream(
        "/fixtures/airflow/v2.dagRuns.running.json")) {
      return new String(Objects.requireNonNull(in).readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void send(HttpExchange ex, int code, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(code, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
