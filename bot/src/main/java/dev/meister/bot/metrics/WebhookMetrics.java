package dev.meister.bot.metrics;

import dev.meister.bot.webhook.WebhookObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code meister_webhooks_total{source,outcome}} and the intake latency histogram {@code
 * meister_webhook_intake_seconds{source}}: how long the answer to a webhook took, from the request
 * read to the answer written, including the durable commit of what it queued.
 */
public final class WebhookMetrics implements WebhookObserver {
  private final MeterRegistry registry;

  // Found once per tag set: building and registering a meter looks it up by its whole id, which
  // was a few per cent of a webhook's CPU at thousands a second. Sources and outcomes are a
  // handful of fixed words, so these stay small.
  private final Map<String, Map<String, Counter>> counters = new ConcurrentHashMap<>();
  private final Map<String, Timer> timers = new ConcurrentHashMap<>();

  public WebhookMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void answered(String source, String outcome, Duration took) {
    counters
        .computeIfAbsent(source, s -> new ConcurrentHashMap<>())
        .computeIfAbsent(outcome, o -> counter(source, o))
        .increment();
    timers.computeIfAbsent(source, this::timer).record(took);
  }

  private Counter counter(String source, String outcome) {
    return Counter.builder("meister.webhooks")
        .description("Webhooks answered, by source and outcome")
        .tag("source", source)
        .tag("outcome", outcome)
        .register(registry);
  }

  private Timer timer(String source) {
    return Timer.builder("meister.webhook.intake")
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
        .register(registry);
  }
}
