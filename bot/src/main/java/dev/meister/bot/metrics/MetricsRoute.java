package dev.meister.bot.metrics;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /metrics}, for a Prometheus that sends {@code Authorization: Bearer <token>} ({@code
 * server.metrics_token}). Anything else is answered 401 before a single meter is read: the metrics
 * name chats and sources, which the public webhook port should not tell strangers.
 */
public final class MetricsRoute {
  public static final String PATH = "/metrics";
  private static final Logger log = LoggerFactory.getLogger(MetricsRoute.class);

  private final Metrics metrics;
  private final byte[] token;

  public MetricsRoute(Metrics metrics, String token) {
    if (token.isBlank()) {
      throw new IllegalArgumentException("the metrics token may not be blank");
    }
    this.metrics = metrics;
    this.token = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
  }

  public void mount(Javalin app) {
    app.get(PATH, this::serve);
  }

  private void serve(Context ctx) {
    if (!authorized(ctx.header("Authorization"))) {
      log.info("GET /metrics from {} rejected 401", ctx.ip());
      ctx.status(401)
          .header("WWW-Authenticate", "Bearer realm=\"meister metrics\"")
          .contentType("application/json")
          .result("{\"error\":\"send Authorization: Bearer <server.metrics_token>\"}");
      return;
    }
    ctx.status(200).contentType(Metrics.CONTENT_TYPE).result(metrics.scrape());
  }

  /** Constant time in the header's content: the compare does not stop at the first wrong byte. */
  private boolean authorized(@Nullable String header) {
    return header != null
        && MessageDigest.isEqual(token, header.strip().getBytes(StandardCharsets.UTF_8));
  }
}
