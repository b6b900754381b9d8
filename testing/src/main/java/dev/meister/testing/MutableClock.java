package dev.meister.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A UTC clock tests move by hand, so retries and shifts fall due without sleeping. Safe to read
 * from the threads of the code under test while the test moves it.
 */
public final class MutableClock extends Clock {
  private final Instant start;
  private volatile Instant now;

  public MutableClock(Instant start) {
    this.start = start;
    this.now = start;
  }

  /** Where the clock started. */
  public Instant start() {
    return start;
  }

  public void advance(Duration d) {
    now = now.plus(d);
  }

  public void set(Instant t) {
    now = t;
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  /** Stays in UTC: schedules convert with their own zone, never through the clock's. */
  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
