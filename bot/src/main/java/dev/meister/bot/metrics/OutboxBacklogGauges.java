package dev.meister.bot.metrics;

import dev.meister.core.chat.ChatRef;
import dev.meister.storage.OutboxBacklog;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * {@code meister_outbox_pending{platform,chat}} and {@code
 * meister_outbox_oldest_pending_age_seconds{platform,chat}}, read from storage at each scrape. A
 * chat whose queue emptied drops out of both rather than staying at its last value.
 */
public final class OutboxBacklogGauges implements Runnable {
  private final Supplier<List<OutboxBacklog>> backlog;
  private final Clock clock;
  private final MultiGauge pending;
  private final MultiGauge oldest;

  public OutboxBacklogGauges(
      MeterRegistry registry, Supplier<List<OutboxBacklog>> backlog, Clock clock) {
    this.backlog = backlog;
    this.clock = clock;
    this.pending =
        MultiGauge.builder("meister.outbox.pending")
            .description("Outbox entries not yet delivered, per chat")
            .register(registry);
    this.oldest =
        MultiGauge.builder("meister.outbox.oldest.pending.age")
            .description("How long the oldest undelivered outbox entry of each chat has waited")
            .baseUnit("seconds")
            .register(registry);
  }

  /** Reads the backlog and replaces both gauges' rows. */
  @Override
  public void run() {
    List<OutboxBacklog> now = backlog.get();
    var at = clock.instant();
    pending.register(
        now.stream().map(b -> MultiGauge.Row.of(tags(b.chat()), b.pending())).toList(), true);
    oldest.register(
        now.stream()
            .map(
                b ->
                    MultiGauge.Row.of(
                        tags(b.chat()),
                        Math.max(0, Duration.between(b.oldestQueuedAt(), at).toMillis()) / 1000.0))
            .toList(),
        true);
  }

  private static Tags tags(ChatRef chat) {
    String id = chat.threadId() == null ? chat.chatId() : chat.chatId() + "/" + chat.threadId();
    return Tags.of("platform", chat.platform().name().toLowerCase(Locale.ROOT), "chat", id);
  }
}
