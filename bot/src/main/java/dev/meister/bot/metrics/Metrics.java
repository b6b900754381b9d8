package dev.meister.bot.metrics;

import dev.meister.core.chat.ChatLink;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One bot's meters, in a Prometheus registry of its own (never Micrometer's global one, so two bots
 * in one JVM, as in tests, do not share counts). The JVM's basics (memory, GC, threads, class
 * loading, CPU and uptime) are bound by {@link #bindJvm}, for a bot that serves them. Some values
 * are read at scrape time ({@link #beforeScrape}).
 */
public final class Metrics implements AutoCloseable {
  /** The content type of {@link #scrape()}: the Prometheus text exposition format 0.0.4. */
  public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private static final Logger log = LoggerFactory.getLogger(Metrics.class);

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final List<Runnable> beforeScrape = new CopyOnWriteArrayList<>();
  private @Nullable JvmGcMetrics gc;

  /**
   * Binds the JVM's basics, once. Only when {@code /metrics} is served: their management beans cost
   * a bot that does not show them about 400 classes (a few MiB resident) and a tenth of a second of
   * its start.
   */
  public synchronized void bindJvm() {
    if (gc != null) {
      return;
    }
    gc = new JvmGcMetrics();
    new JvmMemoryMetrics().bindTo(registry);
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
  }

  public MeterRegistry registry() {
    return registry;
  }

  /** Runs {@code refresh} before every scrape, e.g. to read the outbox's backlog from storage. */
  public void beforeScrape(Runnable refresh) {
    beforeScrape.add(refresh);
  }

  /**
   * {@code meister_leader}: 1 while this instance leads (runs the chats' connections, the outbox
   * worker and the timers), else 0.
   */
  public void leader(BooleanSupplier leads) {
    Gauge.builder("meister.leader", () -> leads.getAsBoolean() ? 1 : 0)
        .description("1 while this instance is the leader, 0 while it follows")
        .register(registry);
  }

  /**
   * {@code meister_chat_state{chat,state}}: 1 for the state the chat's link is in, 0 for the others
   * (the usual Prometheus form of an enum).
   */
  public void chat(String name, Supplier<ChatLink.State> state) {
    for (ChatLink.State s : ChatLink.State.values()) {
      Gauge.builder("meister.chat.state", () -> state.get() == s ? 1 : 0)
          .description("1 for the state each chat's connection is in: connecting, up or down")
          .tag("chat", name)
          .tag("state", s.name().toLowerCase(Locale.ROOT))
          .register(registry);
    }
  }

  /** Every meter in the Prometheus text format, after the scrape-time reads. */
  public String scrape() {
    for (Runnable refresh : beforeScrape) {
      try {
        refresh.run();
      } catch (RuntimeException e) {
        // A database outage must not cost the JVM and webhook metrics: the rest is still served.
        log.warn("refreshing metrics before a scrape failed: {}", e.toString());
      }
    }
    return registry.scrape();
  }

  @Override
  public synchronized void close() {
    if (gc != null) {
      gc.close();
    }
    registry.close();
  }
}
