package dev.meister.bot.jobs;

import dev.meister.core.timing.DueWork;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the stored, clock-driven work ({@link DueWork}) when it falls due: one Quartz trigger at the
 * earliest next moment any work reported, plus a periodic sweep for moments that depend on events
 * (a webhook, a new alert). Each work is isolated: one failing does not stop the others. Tests call
 * {@link #tick()} after moving their clock instead of waiting for Quartz.
 */
public final class Timekeeper {
  private static final Logger log = LoggerFactory.getLogger(Timekeeper.class);
  static final String WAKE = "timekeeper-wake";
  static final String SWEEP = "timekeeper-sweep";

  private final List<DueWork> work;
  private final Clock clock;
  private volatile @Nullable Jobs jobs;

  public Timekeeper(List<DueWork> work, Clock clock) {
    this.work = List.copyOf(work);
    this.clock = clock;
  }

  /** Schedules on {@code scheduler}: a first tick at once, then a sweep every {@code sweep}. */
  public synchronized void start(Jobs scheduler, Duration sweep) {
    this.jobs = scheduler;
    scheduler.every(sweep, SWEEP, this::tick);
    scheduler.at(clock.instant(), WAKE, this::tick);
  }

  /**
   * Runs a tick as soon as the scheduler can, e.g. when something was queued that should not wait
   * for the next sweep (an {@code /issue new} report). Before {@link #start}, nothing: the first
   * tick at start sees it.
   */
  public void wake() {
    Jobs scheduler = jobs;
    if (scheduler == null) {
      return;
    }
    try {
      scheduler.at(clock.instant(), WAKE, this::tick);
    } catch (RuntimeException stopping) {
      // The scheduler is shutting down: the report waits for the next start's first tick.
      log.debug("timekeeper not woken: {}", stopping.toString());
    }
  }

  /**
   * Does everything due now and arranges to be woken when the next thing falls due.
   *
   * @return the next moment any work reported
   */
  public synchronized Optional<Instant> tick() {
    Instant now = clock.instant();
    Optional<Instant> next = Optional.empty();
    for (DueWork w : work) {
      try {
        next = DueWork.earliest(next, w.runDue(now));
      } catch (RuntimeException e) {
        log.error("timed work '{}' failed; it is tried again at the next tick", w.name(), e);
      }
    }
    Jobs scheduler = jobs;
    if (scheduler != null && next.isPresent()) {
      // Never in the past: work that says "due now" again would spin.
      Instant wake = next.get().isAfter(now) ? next.get() : now.plusSeconds(1);
      scheduler.at(wake, WAKE, this::tick);
    }
    return next;
  }
}
