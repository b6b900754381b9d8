package dev.meister.core.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The regular shift boundaries of a rotation, shared by its primary and secondary rosters. Shift
 * {@code k} runs from {@code boundary(k)} inclusive to {@code boundary(k + 1)} exclusive; {@code k}
 * is negative before the anchor.
 *
 * <p>Day-based shifts step the local date so the wall-clock hand-off survives DST (a hand-off in a
 * gap moves forward, one in an overlap takes the earlier offset, as {@link ZonedDateTime#of} does).
 * Hour-based shifts step elapsed time from the anchor instant.
 */
final class ShiftCalendar {
  private final ZoneId zone;
  private final LocalDate anchor;
  private final LocalTime handoff;
  private final ShiftLength length;
  private final Instant anchorInstant;

  ShiftCalendar(Rotation rotation) {
    this.zone = rotation.zone();
    this.anchor = rotation.anchor();
    this.handoff = rotation.handoff().time();
    this.length = rotation.shiftLength();
    this.anchorInstant = ZonedDateTime.of(anchor, handoff, zone).toInstant();
  }

  /** The instant shift {@code k} starts. */
  Instant boundary(long k) {
    if (length.unit() == ShiftLength.Unit.HOURS) {
      return anchorInstant.plus(Duration.ofHours(Math.multiplyExact(k, (long) length.amount())));
    }
    LocalDate day = anchor.plusDays(Math.multiplyExact(k, (long) length.amount()));
    return ZonedDateTime.of(day, handoff, zone).toInstant();
  }

  /** The index of the shift containing {@code t}. */
  long indexAt(Instant t) {
    long k = estimate(t);
    while (boundary(k).isAfter(t)) {
      k--;
    }
    while (!boundary(k + 1).isAfter(t)) {
      k++;
    }
    return k;
  }

  /** Whether a shift starts exactly at {@code t}. */
  boolean startsAt(Instant t) {
    return boundary(indexAt(t)).equals(t);
  }

  private long estimate(Instant t) {
    if (length.unit() == ShiftLength.Unit.HOURS) {
      long seconds = Duration.between(anchorInstant, t).toSeconds();
      return Math.floorDiv(seconds, length.amount() * 3600L);
    }
    LocalDate day = LocalDateTime.ofInstant(t, zone).toLocalDate();
    return Math.floorDiv(day.toEpochDay() - anchor.toEpochDay(), (long) length.amount());
  }
}
