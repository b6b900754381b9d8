package dev.meister.bot.metrics;

import dev.meister.core.chat.ChatRef;
import dev.meister.core.chat.MessageRef;
import dev.meister.core.chat.Platform;
import dev.meister.core.delivery.Outbox;
import dev.meister.core.delivery.OutboxEntry;
import dev.meister.core.delivery.PendingMessage;
import dev.meister.core.delivery.RecentPosts;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The outbox as the delivery worker sees it, counting what becomes of each try: {@code
 * meister_outbox_deliveries_total{platform,outcome}} (delivered, failed for good), {@code
 * meister_outbox_retries_total{platform,reason}} (error, rate_limited) and the waits chats asked
 * for, {@code meister_outbox_rate_limit_wait_seconds{platform}}. Observing at the port keeps the
 * core's worker free of metrics: every outcome of a try is one call on its outbox.
 */
public final class MeteredOutbox implements Outbox {
  private final Outbox outbox;
  private final MeterRegistry registry;
  private final Clock clock;

  /** The platform of each entry the last {@link #due} read handed out; the worker acts on those. */
  private final Map<Long, Platform> handedOut = new ConcurrentHashMap<>();

  public MeteredOutbox(Outbox outbox, MeterRegistry registry, Clock clock) {
    this.outbox = outbox;
    this.registry = registry;
    this.clock = clock;
  }

  @Override
  public long enqueue(PendingMessage message) {
    return outbox.enqueue(message);
  }

  @Override
  public List<OutboxEntry> due(Instant now, int limit) {
    List<OutboxEntry> due = outbox.due(now, limit);
    // Bounded by the batch: the entries of older rounds were acted on or are handed out again.
    handedOut.clear();
    for (OutboxEntry e : due) {
      handedOut.put(e.id(), e.message().chat().platform());
    }
    return due;
  }

  @Override
  public void delivered(long id, @Nullable MessageRef sent, Instant at) {
    outbox.delivered(id, sent, at);
    delivery(id, "delivered");
  }

  @Override
  public void retryLater(long id, Instant notBefore, String error) {
    outbox.retryLater(id, notBefore, error);
    retry(id, "error");
  }

  @Override
  public void rateLimited(long id, Instant notBefore, String error) {
    outbox.rateLimited(id, notBefore, error);
    retry(id, "rate_limited");
    Duration wait = Duration.between(clock.instant(), notBefore);
    Timer.builder("meister.outbox.rate.limit.wait")
        .description("Waits the chats asked for (HTTP 429 retry_after), before the next try")
        .tag("platform", platform(id))
        .register(registry)
        .record(wait.isNegative() ? Duration.ZERO : wait);
  }

  @Override
  public void failed(long id, String error, Instant at) {
    outbox.failed(id, error, at);
    delivery(id, "failed");
  }

  @Override
  public void fold(long id) {
    outbox.fold(id);
  }

  @Override
  public long enqueueFolded(PendingMessage message) {
    return outbox.enqueueFolded(message);
  }

  @Override
  public List<OutboxEntry> folded(ChatRef chat, int limit) {
    return outbox.folded(chat, limit);
  }

  @Override
  public List<ChatRef> chatsWithFolded() {
    return outbox.chatsWithFolded();
  }

  @Override
  public int digestFolded(ChatRef chat, Instant at) {
    return outbox.digestFolded(chat, at);
  }

  @Override
  public List<RecentPosts> recentPosts(Instant since) {
    return outbox.recentPosts(since);
  }

  @Override
  public int pendingCount() {
    return outbox.pendingCount();
  }

  private void delivery(long id, String outcome) {
    Counter.builder("meister.outbox.deliveries")
        .description("Outbox entries that left the queue: delivered, or failed for good")
        .tag("platform", platform(id))
        .tag("outcome", outcome)
        .register(registry)
        .increment();
  }

  private void retry(long id, String reason) {
    Counter.builder("meister.outbox.retries")
        .description("Tries that left an entry pending: a failure (error) or a 429 (rate_limited)")
        .tag("platform", platform(id))
        .tag("reason", reason)
        .register(registry)
        .increment();
  }

  private String platform(long id) {
    Platform p = handedOut.get(id);
    return p == null ? "unknown" : p.name().toLowerCase(Locale.ROOT);
  }
}
