package dev.meister.core.lease;

import static java.util.concurrent.TimeUnit.MILLISECONDS;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes and keeps the lease for one instance: tries every {@code ttl / 5}, tells its listener when
 * this instance is elected and when it lost the lead. A follower takes over at most {@code ttl}
 * plus one try after the leader's last renewal, so with the default 10 s lease a dead leader is
 * replaced within 12 s.
 *
 * <p>This instance counts itself the leader only until 80% of the lease's time after it asked for
 * the renewal that succeeded, by its own monotonic clock: the database started the lease's time no
 * earlier than that ask, so a leader paused (a long GC, a stopped VM) past that point sees it may
 * no longer act before any follower may take over, and the fencing token catches the rest.
 */
public final class LeaderElection implements Leadership, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(LeaderElection.class);

  /** What happens when this instance gains or loses the lead; called on the election's thread. */
  public interface Listener {
    void elected(Lease lease);

    /** The lead is lost (taken over, or not renewed in time): stop acting as the leader. */
    void deposed(String why);
  }

  private final LeaseStore store;
  private final String holder;
  private final Duration ttl;
  private final LongSupplier nanoTime;
  private final Listener listener;
  private @Nullable ScheduledExecutorService executor;
  private volatile @Nullable Lease lease;
  private volatile long validUntilNanos;

  public LeaderElection(LeaseStore store, String holder, Duration ttl, Listener listener) {
    this(store, holder, ttl, listener, System::nanoTime);
  }

  /**
   * @param nanoTime the monotonic clock the lead's local validity is judged by; tests drive it
   */
  public LeaderElection(
      LeaseStore store, String holder, Duration ttl, Listener listener, LongSupplier nanoTime) {
    if (ttl.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException("a lease shorter than 1s would be lost to a slow query");
    }
    this.store = store;
    this.holder = holder;
    this.ttl = ttl;
    this.listener = listener;
    this.nanoTime = nanoTime;
  }

  /** This instance's name in the lease row. */
  public String holder() {
    return holder;
  }

  /** How often a try is made. */
  public Duration interval() {
    return ttl.dividedBy(5);
  }

  @Override
  public Optional<Lease> current() {
    Lease held = lease;
    return held != null && nanoTime.getAsLong() - validUntilNanos < 0
        ? Optional.of(held)
        : Optional.empty();
  }

  /** Who leads now by the database, this instance included. */
  public Optional<String> leader() {
    return store.holder();
  }

  /**
   * One try: renews the lease held, or takes a free one. Never throws: a database that cannot be
   * reached only costs the lead once the lease's local validity has run out.
   */
  public synchronized void tick() {
    Lease held = lease;
    long asked = nanoTime.getAsLong();
    Optional<Lease> got;
    try {
      got = store.take(holder, Optional.ofNullable(held), ttl);
    } catch (RuntimeException e) {
      if (held != null && current().isEmpty()) {
        lose("the lease could not be renewed in time: " + e.getMessage());
      } else {
        log.warn("leader lease: try failed ({}); trying again in {}", e.getMessage(), interval());
      }
      return;
    }
    if (got.isPresent()) {
      lease = got.get();
      validUntilNanos = asked + ttl.toNanos() / 5 * 4;
      if (held == null) {
        log.info("leading as {} (fencing token {})", holder, got.get().token());
        try {
          listener.elected(got.get());
        } catch (RuntimeException e) {
          // Half a leader is worse than none: give the lease back for another instance to take.
          log.error("starting as the leader failed", e);
          releaseQuietly(got.get());
          lose("starting as the leader failed: " + e.getMessage());
        }
      }
    } else if (held != null) {
      lose("another instance holds the lease now: " + store.holder().orElse("nobody"));
    }
  }

  private void lose(String why) {
    lease = null;
    log.error("lost the lead as {}: {}", holder, why);
    listener.deposed(why);
  }

  /** Makes the first try now, then keeps trying in the background. */
  public synchronized void start() {
    if (executor != null) {
      return;
    }
    tick();
    ScheduledExecutorService ex =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "meister-lease");
              t.setDaemon(true);
              return t;
            });
    long every = interval().toMillis();
    // tick() never throws, so the periodic task is never cancelled.
    var unused = ex.scheduleWithFixedDelay(this::tick, every, every, MILLISECONDS);
    executor = ex;
  }

  /** Stops trying and releases the lease if held, so a follower takes over at once. */
  @Override
  public void close() {
    ScheduledExecutorService ex;
    synchronized (this) {
      ex = executor;
      executor = null;
    }
    if (ex != null) {
      ex.shutdownNow();
      try {
        ex.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    Lease held;
    synchronized (this) {
      held = lease;
      lease = null;
    }
    if (held != null) {
      releaseQuietly(held);
    }
  }

  private void releaseQuietly(Lease held) {
    try {
      store.release(held);
      log.info("released the lead as {}", holder);
    } catch (RuntimeException e) {
      log.warn("releasing the lease failed; it runs out on its own: {}", e.getMessage());
    }
  }
}
