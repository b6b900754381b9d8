package dev.meister.bot.metrics;

import dev.meister.bot.webhook.WebhookObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * {@code meister_webhooks_total{source,outcome}} and the intake latency histogram {@code
 * meister_webhook_intake_seconds{source}}: how long the answer to a webhook took, from the request
 * read to the answer written, including the durable commit of what it queued.
 */
public final class WebhookMetrics implements WebhookObserver {
  private final MeterRegistry registry;

  public WebhookMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void answered(String source, String outcome, Duration took) {
    Counter.builder("meister.webhooks")
        .description("Webhooks answered, by source and outcome")
        .tag("source", source)
        .tag("outcome", outcome)
        .register(registry)
        .increment();
    Timer.builder("meister.webhook.intake")
        .description("Time to answer a webhook, including the durable commit of its alert")
        .tag("source", source)
        .serviceLevelObjectives(
            Duration.ofMillis(5),
            Duration.ofMillis(10),
            Duration.ofMillis(25),
            Duration.ofMillis(50),
            Duration.ofMillis(100),
            Duration.ofMillis(250),
            Duration.ofMillis(500),
            Duration.ofSeconds(1),
            Duration.ofSeconds(2),
            Duration.ofSeconds(5))
        .register(registry)
        .record(took);
  }
}
