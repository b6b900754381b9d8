package dev.meister.testing;

import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * The plumbing every fake platform API shares: an HTTP server on 127.0.0.1 at a free port, a log of
 * every request, answers scripted to fail on demand (a 429 with its retry hint, a 5xx), and {@link
 * #close()}. Subclasses speak the platform: {@link #serve} answers one request in the platform's
 * JSON, and calls {@link #scripted} at the point the real API would fail.
 */
public abstract class LoopbackApi implements AutoCloseable {
  /** How long {@link #awaitRequests} waits: far above any loopback round trip. */
  private static final Duration AWAIT = Duration.ofSeconds(10);

  private record Script(Predicate<ApiRequest> which, ApiAnswer answer) {}

  private final HttpServer server;
  private final ExecutorService threads;
  // Guarded by "this".
  private final List<ApiRequest> log = new ArrayList<>();
  private final List<Script> scripts = new ArrayList<>();
  private long seq;

  /** Starts serving at once on a free port; {@code name} names the server's threads. */
  protected LoopbackApi(String name) throws IOException {
    this(name, 0);
  }

  /**
   * Starts serving at once on {@code port} (0 for a free one), e.g. the port a bot was configured
   * with while nothing answered there.
   */
  protected LoopbackApi(String name, int port) throws IOException {
    threads =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, name);
              t.setDaemon(true);
              return t;
            });
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    server.createContext("/", this::handle);
    server.setExecutor(threads);
    server.start();
  }

  /** Answers one request; runs on the server's threads, several at once. */
  protected abstract ApiAnswer serve(ApiRequest request) throws IOException;

  public final int port() {
    return server.getAddress().getPort();
  }

  /** {@code http://127.0.0.1:PORT}, without a trailing slash. */
  public final String root() {
    return "http://127.0.0.1:" + port();
  }

  /** Every request so far, in order of arrival. */
  public final synchronized List<ApiRequest> received() {
    return List.copyOf(log);
  }

  public final List<ApiRequest> received(Predicate<ApiRequest> which) {
    return received().stream().filter(which).toList();
  }

  /** Waits until at least {@code count} requests match, and returns those that do. */
  public final List<ApiRequest> awaitRequests(Predicate<ApiRequest> which, int count) {
    return await().atMost(AWAIT).until(() -> received(which), r -> r.size() >= count);
  }

  /** The next request matching {@code which} that asks {@link #scripted} gets {@code answer}. */
  public final synchronized void failNext(Predicate<ApiRequest> which, ApiAnswer answer) {
    scripts.add(new Script(which, answer));
  }

  /** The scripted answer for this request, used up; empty when the request should succeed. */
  protected final synchronized Optional<ApiAnswer> scripted(ApiRequest request) {
    for (Iterator<Script> it = scripts.iterator(); it.hasNext(); ) {
      Script s = it.next();
      if (s.which().test(request)) {
        it.remove();
        return Optional.of(s.answer());
      }
    }
    return Optional.empty();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      ApiRequest request = read(exchange);
      ApiAnswer answer;
      try {
        answer = serve(request);
      } catch (RuntimeException e) {
        // A fake's bug must reach the test as a visible failure, not as a hung connection.
        answer = ApiAnswer.json(500, "{\"message\":\"fake failed: " + e + "\"}");
      }
      send(exchange, answer);
    }
  }

  private ApiRequest read(HttpExchange exchange) throws IOException {
    byte[] bytes = exchange.getRequestBody().readAllBytes();
    String body = new String(bytes, StandardCharsets.UTF_8);
    URI uri = exchange.getRequestURI();
    synchronized (this) {
      ApiRequest request =
          new ApiRequest(
              seq++,
              exchange.getRequestMethod(),
              uri.getPath(),
              uri.getRawPath(),
              uri.getRawQuery(),
              exchange.getRequestHeaders(),
              body,
              java.nio.ByteBuffer.wrap(bytes));
      log.add(request);
      return request;
    }
  }

  private static void send(HttpExchange exchange, ApiAnswer answer) throws IOException {
    byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", answer.contentType());
    answer.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
    exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
