package dev.meister.core.delivery;

import static java.util.concurrent.TimeUnit.MILLISECONDS;

import dev.meister.core.chat.ChatDeliveryException;
import dev.meister.core.chat.ChatPort;
import dev.meister.core.chat.ChatPorts;
import dev.meister.core.chat.ChatRef;
import dev.meister.core.chat.MessageRef;
import dev.meister.core.lease.Leadership;
import dev.meister.core.lease.NotLeaderException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends due outbox entries. Within one chat, messages go out in the order they were queued: when
 * one must wait (rate limit, outage), the ones behind it in that chat wait too, while other chats
 * carry on. Every entry ends delivered or, when the chat refuses it for good, failed and kept.
 */
public final class OutboxWorker implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);
  private static final int BATCH = 100;

  /**
   * Nudged rounds start at most this often. Under a burst of webhooks every group commit nudges;
   * back-to-back rounds would each scan the queue (and take the database lock the intake commits
   * under) to find mostly the same entries. A few tens of milliseconds more before a chat message
   * goes out costs nothing; a round per commit costs the intake a good part of a core.
   */
  private static final long MIN_ROUND_GAP_NANOS = MILLISECONDS.toNanos(40);

  private final Outbox outbox;
  private final ChatPorts ports;
  private final Clock clock;
  private final @Nullable HeldMessages storms;
  private final Leadership leadership;
  private @Nullable ScheduledExecutorService executor;
  private final AtomicBoolean roundRequested = new AtomicBoolean();

  /** Chats whose first entry waits (rate limit, outage), until when: nudges for them can wait. */
  private final Map<ChatRef, Instant> blocked = new ConcurrentHashMap<>();

  private volatile long lastRoundStart = System.nanoTime() - MIN_ROUND_GAP_NANOS;

  public OutboxWorker(Outbox outbox, ChatPorts ports, Clock clock) {
    this(outbox, ports, clock, null);
  }

  /**
   * @param storms announces alerts folded during a storm in digests; null for none
   */
  public OutboxWorker(Outbox outbox, ChatPorts ports, Clock clock, @Nullable HeldMessages storms) {
    this(outbox, ports, clock, storms, Leadership.ALONE);
  }

  /**
   * @param leadership whether this instance leads: a worker that cannot be sure it still does sends
   *     nothing, so an old leader coming back from a pause does not post what the new one posts
   */
  public OutboxWorker(
      Outbox outbox,
      ChatPorts ports,
      Clock clock,
      @Nullable HeldMessages storms,
      Leadership leadership) {
    this.outbox = outbox;
    this.ports = ports;
    this.clock = clock;
    this.storms = storms;
    this.leadership = leadership;
  }

  /** Starts delivering on a background thread, polling every {@code interval}. */
  public synchronized void start(Duration interval) {
    if (executor != null) {
      return;
    }
    ScheduledExecutorService ex =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "meister-outbox");
              t.setDaemon(true);
              return t;
            });
    // deliverSafely catches everything, so the periodic task is never cancelled by an exception.
    var unused =
        ex.scheduleWithFixedDelay(this::deliverSafely, 0, interval.toMillis(), MILLISECONDS);
    executor = ex;
  }

  /**
   * Asks for a round because a message was queued for {@code chat}. When that chat is held back
   * (its first message waits out a rate limit or an outage) a round could not send it, so none is
   * started: in an alert storm to an unreachable chat, a round per webhook would only re-read the
   * waiting queue. The chat's turn comes with the poll after its wait.
   *
   * @return false when the chat is held back and no round was asked for
   */
  public boolean nudge(ChatRef chat) {
    Instant until = blocked.get(chat);
    if (until != null && until.isAfter(clock.instant())) {
      return false;
    }
    nudge();
    return true;
  }

  /**
   * Asks for a delivery round now rather than at the next poll. Nudges coalesce: however many
   * alerts arrive meanwhile, at most one extra round is waiting.
   */
  public void nudge() {
    ScheduledExecutorService ex = executor;
    if (ex != null && !ex.isShutdown() && roundRequested.compareAndSet(false, true)) {
      long wait = lastRoundStart + MIN_ROUND_GAP_NANOS - System.nanoTime();
      try {
        var unused = ex.schedule(this::deliverSafely, Math.max(0, wait), TimeUnit.NANOSECONDS);
      } catch (RejectedExecutionException stopping) {
        // Closed meanwhile: the message stays queued for the next start.
        roundRequested.set(false);
      }
    }
  }

  private void deliverSafely() {
    roundRequested.set(false);
    lastRoundStart = System.nanoTime();
    try {
      deliverDue();
    } catch (RuntimeException e) {
      log.error("outbox delivery round failed; will try again", e);
    }
  }

  /**
   * One delivery round: sends every due entry whose chat is not held back by an earlier one.
   *
   * @return how many entries were delivered
   */
  public synchronized int deliverDue() {
    int delivered = deliverRound();
    if (storms != null && storms.release() > 0) {
      // The digests just queued go out in this round, in queue order like everything else.
      delivered += deliverRound();
    }
    return delivered;
  }

  private int deliverRound() {
    if (leadership.current().isEmpty()) {
      return 0;
    }
    Instant now = clock.instant();
    blocked.values().removeIf(until -> !until.isAfter(now));
    List<OutboxEntry> due = outbox.due(now, BATCH);
    Set<ChatRef> heldBack = new HashSet<>();
    int delivered = 0;
    for (OutboxEntry entry : due) {
      ChatRef chat = entry.message().chat();
      if (heldBack.contains(chat)) {
        continue;
      }
      if (deliver(entry)) {
        delivered++;
      } else {
        heldBack.add(chat);
      }
    }
    return delivered;
  }

  private boolean deliver(OutboxEntry entry) {
    PendingMessage m = entry.message();
    Optional<ChatPort> port = ports.find(m.chat().platform());
    if (port.isEmpty()) {
      // The platform is not connected in this run (e.g. its token was removed): keep the message.
      retryAfterFailure(entry, m.chat().platform() + " is not connected");
      return false;
    }
    if (leadership.current().isEmpty()) {
      // The lead ran out (by this instance's own clock) while the round went on: stop sending.
      return false;
    }
    if (!port.get().connected()) {
      // Connecting or reconnecting: wait for the next round without spending an attempt, so the
      // backoff does not grow through an outage; the adapter nudges the worker once it is back.
      return false;
    }
    try {
      MessageRef sent = send(port.get(), m);
      try {
        outbox.delivered(entry.id(), sent, clock.instant());
      } catch (NotLeaderException fenced) {
        // Sent, but another instance leads now and will send it again: the one double a takeover
        // can cause, like a crash between sending and recording.
        log.warn("outbox #{} sent but not recorded: {}", entry.id(), fenced.getMessage());
        return false;
      }
      return true;
    } catch (ChatDeliveryException e) {
      if (e.retryable()) {
        String why = String.valueOf(e.getMessage());
        @Nullable Duration asked = e.retryAfter();
        Duration wait;
        if (asked != null && !asked.isNegative()) {
          // The chat's own wait (a rate limit): not a failure, so a later outage still backs off
          // from the first step.
          wait = Backoff.after(entry.failures(), asked);
          outbox.rateLimited(entry.id(), block(entry, wait), why);
        } else {
          wait = retryAfterFailure(entry, why);
        }
        log.warn(
            "outbox #{} to {} not delivered (attempt {}): {}; next try in {}s",
            entry.id(),
            m.chat(),
            entry.attempts() + 1,
            e.getMessage(),
            wait.toSeconds());
        return false;
      }
      log.error("outbox #{} to {} refused for good: {}", entry.id(), m.chat(), e.getMessage());
      outbox.failed(entry.id(), String.valueOf(e.getMessage()), clock.instant());
      return true;
    } catch (RuntimeException bug) {
      // An adapter failed in a way it should not (a bug, not the chat's answer). Whether the
      // message went out is unknown; keeping it is better than losing it. Back off so one bad
      // entry cannot hammer the chat or hold up the other chats' messages.
      Duration wait = retryAfterFailure(entry, String.valueOf(bug));
      log.error(
          "outbox #{} to {} failed unexpectedly; next try in {}s",
          entry.id(),
          m.chat(),
          wait.toSeconds(),
          bug);
      return false;
    }
  }

  /**
   * Holds the entry back after a failed try, doubling the wait with each failure of this entry
   * (rate-limited tries do not count); returns the wait.
   */
  private Duration retryAfterFailure(OutboxEntry entry, String why) {
    Duration wait = Backoff.after(entry.failures() + 1, null);
    outbox.retryLater(entry.id(), block(entry, wait), why);
    return wait;
  }

  /** Holds the entry's chat until {@code wait} has passed; returns when that is. */
  private Instant block(OutboxEntry entry, Duration wait) {
    Instant until = clock.instant().plus(wait);
    blocked.put(entry.message().chat(), until);
    return until;
  }

  private static @Nullable MessageRef send(ChatPort port, PendingMessage m) {
    return switch (m.kind()) {
      case POST -> port.post(m.chat(), m.message());
      case REPLY -> port.reply(Objects.requireNonNull(m.target()), m.message());
      default -> {
        port.edit(Objects.requireNonNull(m.target()), m.message());
        yield null;
      }
    };
  }

  @Override
  public synchronized void close() {
    ScheduledExecutorService ex = executor;
    if (ex != null) {
      // Whatever is not delivered now stays in the outbox for the next start.
      ex.shutdownNow();
      try {
        ex.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      executor = null;
    }
  }
}
