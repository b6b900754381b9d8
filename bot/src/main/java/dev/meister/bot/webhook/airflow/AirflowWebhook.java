package dev.meister.bot.webhook.airflow;

import dev.meister.bot.webhook.Verdict;
import dev.meister.bot.webhook.WebhookEndpoint;
import dev.meister.bot.webhook.WebhookJson;
import dev.meister.bot.webhook.WebhookRejection;
import dev.meister.bot.webhook.WebhookRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;

/**
 * {@code POST /hooks/airflow}: task failures posted by the {@code on_failure_callback} in {@code
 * examples/airflow/meister_notifier.py}, authenticated with {@code Authorization: Bearer <token>}.
 */
public final class AirflowWebhook implements WebhookEndpoint {
  public static final String PATH = "/hooks/airflow";
  private static final String BEARER = "bearer ";

  private final byte[] token;
  private final Clock clock;
  private final Map<String, AirflowUi> instances;

  /**
   * @param token the shared bearer token, also set as the Airflow Variable {@code meister_token}
   * @param clock for when a payload has no {@code end_date}
   */
  public AirflowWebhook(String token, Clock clock) {
    this(token, clock, Map.of());
  }

  /**
   * @param instances the configured Airflow UIs by instance name: a payload naming one in {@code
   *     airflow_instance} links its DAG run there
   */
  public AirflowWebhook(String token, Clock clock, Map<String, AirflowUi> instances) {
    if (token.isBlank()) {
      throw new IllegalArgumentException("Airflow webhook token may not be blank");
    }
    this.token = token.getBytes(StandardCharsets.UTF_8);
    this.clock = clock;
    this.instances = Map.copyOf(instances);
  }

  @Override
  public String path() {
    return PATH;
  }

  @Override
  public String deliveryLabel(WebhookRequest request) {
    // The delivery key is inside the body, which is not read before authentication.
    return request.header("X-Request-Id").orElse("-");
  }

  @Override
  public Verdict handle(WebhookRequest request) {
    authenticate(request);
    return Verdict.deliver(
        AirflowPayload.event(WebhookJson.parseObject(request.body()), clock, instances));
  }

  private void authenticate(WebhookRequest request) {
    String authorization =
        request
            .header("Authorization")
            .orElseThrow(() -> WebhookRejection.unauthorized("missing bearer token"));
    if (!authorization.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
      throw WebhookRejection.unauthorized("missing bearer token");
    }
    byte[] given =
        authorization.substring(BEARER.length()).strip().getBytes(StandardCharsets.UTF_8);
    if (!MessageDigest.isEqual(token, given)) {
      throw WebhookRejection.unauthorized("invalid token");
    }
  }

  @Override
  public String toString() {
    return "AirflowWebhook[token hidden]";
  }
}
