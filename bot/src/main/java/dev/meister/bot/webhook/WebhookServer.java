package dev.meister.bot.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meister.core.alert.Intake;
import dev.meister.core.alert.RunEvent;
import dev.meister.core.alert.RunEventSink;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The webhook HTTP server: {@code POST} on each endpoint's path, {@code GET /health}, {@code GET
 * /health/live} (the process answers) and {@code GET /health/ready} (the database and every chat
 * are up).
 *
 * <p>Every webhook passes the same gate, in this order: body size (413), media type (415), the
 * endpoint's authentication (401) and parsing (400), and only then the sink. Answers: 202 {@code
 * {"status":"accepted","alert":id,"duplicate":false}} when a new alert was queued for chat; 200
 * with the same shape when nothing new was queued (a delivery seen before, {@code
 * "duplicate":true}, or a success that was only recorded, {@code "alert":null}); 202 {@code
 * {"ignored":...}} for events we don't alert on; and 503 when the sink fails, so the sender may
 * deliver again (the sink is transactional: nothing was half-written).
 */
public final class WebhookServer implements AutoCloseable {
  /** 1 MiB: GitHub caps payloads at 25 MB, but a workflow_run is about 25 KB. */
  public static final int MAX_BODY_BYTES = 1024 * 1024;

  /** Answers are a few hundred bytes; larger ones are copied in several pieces. */
  private static final int RESPONSE_COPY_BYTES = 1024;

  private static final Logger log = LoggerFactory.getLogger(WebhookServer.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The health check {@code /health/ready} reports as the database; all others are chats. */
  public static final String DATABASE = "database";

  private final RunEventSink sink;
  private final Map<String, HealthCheck> healthChecks;
  private final Javalin app;
  private final Duration healthTimeout;

  /** Daemon threads, so a check that never returns cannot keep the process alive. */
  private final ExecutorService healthExecutor =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "meister-health");
            t.setDaemon(true);
            return t;
          });

  private boolean started;
  private volatile WebhookObserver observer = WebhookObserver.NONE;

  /**
   * @param endpoints one per path, e.g. {@code GitHubWebhook} and {@code AirflowWebhook}
   * @param healthChecks by the name {@code /health} reports them under
   */
  public WebhookServer(
      List<WebhookEndpoint> endpoints, RunEventSink sink, Map<String, HealthCheck> healthChecks) {
    this(endpoints, sink, healthChecks, Duration.ofSeconds(2));
  }

  /**
   * @param healthTimeout how long {@code /health} waits for a check before reporting it down
   */
  public WebhookServer(
      List<WebhookEndpoint> endpoints,
      RunEventSink sink,
      Map<String, HealthCheck> healthChecks,
      Duration healthTimeout) {
    this.sink = sink;
    this.healthTimeout = healthTimeout;
    this.healthChecks = new TreeMap<>(healthChecks);
    this.app =
        Javalin.create(
            config -> {
              config.showJavalinBanner = false;
              config.http.maxRequestSize = MAX_BODY_BYTES;
              // Javalin copies every result through a fresh array of this size, by default
              // Jetty's 32 KiB output buffer: a third of what each webhook allocated, to copy an
              // answer of a hundred bytes. Jetty's own output buffer is left as it is.
              config.http.responseBufferSize = RESPONSE_COPY_BYTES;
            });
    for (WebhookEndpoint endpoint : List.copyOf(endpoints)) {
      app.post(endpoint.path(), ctx -> receive(endpoint, ctx));
    }
    app.get("/health", this::health);
    // Liveness: the process answers. It checks nothing else, so a database outage does not get
    // the process restarted (which would not help); readiness says whether it can do its job.
    app.get("/health/live", ctx -> respond(ctx, 200, Map.of("status", "up")));
    app.get("/health/ready", this::ready);
    app.error(404, ctx -> respond(ctx, 404, Map.of("error", "not found")));
  }

  /** Adds more routes before {@link #start}: the web page shares this server by default. */
  public WebhookServer mount(java.util.function.Consumer<Javalin> routes) {
    routes.accept(app);
    return this;
  }

  /** Tells {@code observer} about every webhook answered from now on (metrics). */
  public WebhookServer observedBy(WebhookObserver observer) {
    this.observer = observer;
    return this;
  }

  /** Binds and starts serving; port 0 picks a free port, see {@link #port()}. */
  public WebhookServer start(String bind, int port) {
    app.start(bind, port);
    started = true;
    return this;
  }

  /** The port the server listens on. */
  public int port() {
    return app.port();
  }

  @Override
  public void close() {
    if (started) {
      app.stop();
      started = false;
    }
    healthExecutor.shutdownNow();
  }

  private void receive(WebhookEndpoint endpoint, Context ctx) {
    long start = System.nanoTime();
    String label = "-";
    String outcome = "error";
    try {
      WebhookRequest request = read(endpoint, ctx);
      label = endpoint.deliveryLabel(request);
      Verdict verdict = endpoint.handle(request);
      outcome = answer(ctx, endpoint, label, verdict);
    } catch (WebhookRejection e) {
      String field = e.field().orElse(null);
      logRejection(endpoint, ctx, label, e);
      respond(ctx, e.status(), error(e.error(), field));
      outcome = rejected(e.status());
    } catch (RuntimeException e) {
      String ref = UUID.randomUUID().toString().substring(0, 8);
      log.error("webhook {} delivery {} failed, ref {}", endpoint.path(), label, ref, e);
      respond(ctx, 500, Map.of("error", "internal error", "ref", ref));
    }
    observe(endpoint, outcome, Duration.ofNanos(System.nanoTime() - start));
  }

  private void observe(WebhookEndpoint endpoint, String outcome, Duration took) {
    String path = endpoint.path();
    try {
      observer.answered(path.substring(path.lastIndexOf('/') + 1), outcome, took);
    } catch (RuntimeException e) {
      // Metrics must never turn an answered webhook into an error.
      log.warn("webhook observer failed", e);
    }
  }

  private static String rejected(int status) {
    return switch (status) {
      case 400 -> "bad_request";
      case 401, 403 -> "unauthorized";
      case 413 -> "too_large";
      case 415 -> "unsupported_media_type";
      default -> "rejected";
    };
  }

  private static WebhookRequest read(WebhookEndpoint endpoint, Context ctx) {
    InputStream in;
    try {
      in = ctx.req().getInputStream();
    } catch (IOException e) {
      throw WebhookRejection.badRequest("could not read body: " + e.getClass().getSimpleName());
    }
    return read(
        endpoint,
        ctx.req().getContentLengthLong(),
        ctx.header("Content-Type"),
        in,
        ctx.headerMap());
  }

  /**
   * The gate in front of every endpoint, without HTTP (the fuzz targets drive it with raw bytes):
   * the declared size (413), the media type (415), then the body read up to the limit (413).
   *
   * @param contentLength the declared Content-Length, -1 when there is none (chunked)
   */
  static WebhookRequest read(
      WebhookEndpoint endpoint,
      long contentLength,
      @Nullable String contentType,
      InputStream in,
      Map<String, String> headers) {
    if (contentLength > MAX_BODY_BYTES) {
      throw BoundedBody.tooLarge(MAX_BODY_BYTES);
    }
    String mediaType = MediaType.of(contentType);
    if (!endpoint.accepts(mediaType)) {
      throw MediaType.unsupported(
          "unsupported Content-Type " + mediaType + ", expected application/json");
    }
    byte[] body;
    try {
      body = BoundedBody.read(in, MAX_BODY_BYTES, contentLength);
    } catch (IOException e) {
      throw WebhookRejection.badRequest("could not read body: " + e.getClass().getSimpleName());
    }
    return WebhookRequest.owning(headers, mediaType, body);
  }

  /** Answers the verdict; returns the outcome {@link WebhookObserver} is told. */
  private String answer(Context ctx, WebhookEndpoint endpoint, String label, Verdict verdict) {
    if (verdict instanceof Verdict.Deliver deliver) {
      return deliver(ctx, endpoint, label, deliver.event());
    } else if (verdict instanceof Verdict.Ignore ignore) {
      log.info(
          "webhook {} delivery {} ignored: {} ({})",
          endpoint.path(),
          label,
          ignore.what(),
          ignore.reason());
      respond(ctx, 202, Map.of("ignored", ignore.what(), "reason", ignore.reason()));
      return "ignored";
    } else if (verdict instanceof Verdict.Respond own) {
      ctx.status(own.status()).contentType(own.contentType()).result(own.body());
      return own.status() < 400 ? "ok" : rejected(own.status());
    } else if (verdict instanceof Verdict.Handled) {
      respond(ctx, 200, Map.of("ok", true));
      return "ok";
    } else {
      log.info("webhook {} delivery {} ping", endpoint.path(), label);
      respond(ctx, 200, Map.of("ok", true));
      return "ok";
    }
  }

  private String deliver(Context ctx, WebhookEndpoint endpoint, String label, RunEvent event) {
    Intake intake;
    try {
      intake = sink.accept(event);
    } catch (RuntimeException e) {
      log.warn(
          "webhook {} delivery {} ({}): sink failed, answering 503",
          endpoint.path(),
          label,
          event.deliveryKey(),
          e);
      respond(ctx, 503, Map.of("error", "storage unavailable, retry"));
      return "unavailable";
    }
    boolean queued = intake.alertId().isPresent() && !intake.duplicate();
    // Debug, not info: one line per accepted webhook is noise at thousands a second, and
    // "FAILED" (the pipeline's outcome) read like an intake failure.
    log.debug(
        "webhook {} delivery {} ({}) accepted; pipeline outcome {}, alert {}{}",
        endpoint.path(),
        label,
        event.deliveryKey(),
        event.outcome(),
        intake.alertId().map(Object::toString).orElse("-"),
        intake.duplicate() ? " (duplicate)" : "");
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", "accepted");
    body.put("alert", intake.alertId().map(id -> (Object) id.value()).orElse(null));
    body.put("duplicate", intake.duplicate());
    respond(ctx, queued ? 202 : 200, body);
    return queued ? "queued" : intake.duplicate() ? "duplicate" : "recorded";
  }

  /** This instance's part among the instances on its database, asked at every health request. */
  private volatile java.util.function.Supplier<ClusterRole> role = ClusterRole::alone;

  /** Says what {@code /health} reports as this instance's role; before {@link #start}. */
  public WebhookServer role(java.util.function.Supplier<ClusterRole> role) {
    this.role = role;
    return this;
  }

  private void putRole(Map<String, Object> body) {
    ClusterRole r = role.get();
    body.put("role", r.role());
    if (r.instance().isPresent()) {
      body.put("instance", r.instance().get());
      body.put("leader", r.leader().orElse(null));
    }
  }

  private void health(Context ctx) {
    Map<String, HealthStatus> results = runChecks();
    Map<String, Object> checks = new LinkedHashMap<>();
    boolean allUp = true;
    boolean degraded = false;
    for (Map.Entry<String, HealthStatus> entry : results.entrySet()) {
      allUp &= entry.getValue().up();
      degraded |= entry.getValue().degraded();
      checks.put(entry.getKey(), shown(entry.getValue()));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    // Degraded still answers 200: the webhooks work, so a load balancer must keep sending them.
    body.put("status", !allUp ? "down" : degraded ? "degraded" : "up");
    putRole(body);
    body.put("checks", checks);
    respond(ctx, allUp ? 200 : 503, body);
  }

  /**
   * Readiness: the database's and each chat's state, and 503 unless every one of them is up. A chat
   * that is connecting or unreachable makes the instance not ready (unlike {@code /health}, which
   * calls that degraded and answers 200), so an orchestrator can wait for the chats.
   */
  private void ready(Context ctx) {
    Map<String, HealthStatus> results = runChecks();
    Map<String, Object> chats = new LinkedHashMap<>();
    // No database check registered (tests of the webhooks alone): say so rather than "up".
    Map<String, Object> database = Map.of("status", "unchecked");
    boolean ready = true;
    for (Map.Entry<String, HealthStatus> entry : results.entrySet()) {
      HealthStatus status = entry.getValue();
      ready &= status.up() && !status.degraded();
      if (entry.getKey().equals(DATABASE)) {
        database = shown(status);
      } else {
        chats.put(entry.getKey(), shown(status));
      }
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", ready ? "ready" : "not ready");
    putRole(body);
    body.put("database", database);
    body.put("chats", chats);
    respond(ctx, ready ? 200 : 503, body);
  }

  private static Map<String, Object> shown(HealthStatus status) {
    Map<String, Object> shown = new LinkedHashMap<>();
    shown.put("status", status.label());
    if (!status.detail().isEmpty()) {
      shown.put("detail", status.detail());
    }
    return shown;
  }

  /** Every check at once, each bounded: a hung dependency must not hang the probe asking. */
  private Map<String, HealthStatus> runChecks() {
    Map<String, CompletableFuture<HealthStatus>> running = new LinkedHashMap<>();
    for (Map.Entry<String, HealthCheck> entry : healthChecks.entrySet()) {
      running.put(
          entry.getKey(),
          CompletableFuture.supplyAsync(
              () -> run(entry.getKey(), entry.getValue()), healthExecutor));
    }
    Map<String, HealthStatus> results = new LinkedHashMap<>();
    for (Map.Entry<String, CompletableFuture<HealthStatus>> entry : running.entrySet()) {
      results.put(entry.getKey(), await(entry.getKey(), entry.getValue()));
    }
    return results;
  }

  private HealthStatus await(String name, CompletableFuture<HealthStatus> check) {
    try {
      return check.get(healthTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      log.warn("health check {} did not answer within {} ms", name, healthTimeout.toMillis());
      return HealthStatus.unhealthy("no answer within " + healthTimeout.toMillis() + " ms");
    } catch (ExecutionException e) {
      // run() catches what checks throw; an Error is all that can arrive here.
      Throwable cause = e.getCause() == null ? e : e.getCause();
      return HealthStatus.unhealthy("check failed: " + cause.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return HealthStatus.unhealthy("interrupted");
    }
  }

  private static HealthStatus run(String name, HealthCheck check) {
    try {
      return check.check();
    } catch (RuntimeException e) {
      // The exception message may carry a connection string; /health is public, the log is not.
      log.warn("health check {} threw", name, e);
      return HealthStatus.unhealthy("check failed: " + e.getClass().getSimpleName());
    }
  }

  private static void logRejection(
      WebhookEndpoint endpoint, Context ctx, String label, WebhookRejection e) {
    if (e.status() == 401) {
      log.warn(
          "webhook {} delivery {} from {} rejected 401: {}",
          endpoint.path(),
          label,
          ctx.ip(),
          e.error());
    } else {
      log.info(
          "webhook {} delivery {} from {} rejected {}: {}",
          endpoint.path(),
          label,
          ctx.ip(),
          e.status(),
          e.error());
    }
  }

  private static Map<String, Object> error(String message, @Nullable String field) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", message);
    if (field != null) {
      body.put("field", field);
    }
    return body;
  }

  private static void respond(Context ctx, int status, Map<String, ?> body) {
    try {
      ctx.status(status).contentType("application/json").result(JSON.writeValueAsString(body));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
