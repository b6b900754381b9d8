package dev.meister.core.pipeline;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** "Data updated by 03:00 UTC": a daily deadline, read in its zone so DST moves with it. */
public record Sla(LocalTime by, ZoneId zone) {

  /** The deadline on {@code day}. */
  public Instant on(LocalDate day) {
    return ZonedDateTime.of(day, by, zone).toInstant();
  }

  /** The latest deadline at or before {@code now}. */
  public Instant latestAtOrBefore(Instant now) {
    LocalDate today = now.atZone(zone).toLocalDate();
    Instant t = on(today);
    return t.isAfter(now) ? on(today.minusDays(1)) : t;
  }

  /** The first deadline after {@code now}. */
  public Instant nextAfter(Instant now) {
    LocalDate today = now.atZone(zone).toLocalDate();
    Instant t = on(today);
    return t.isAfter(now) ? t : on(today.plusDays(1));
  }

  @Override
  public String toString() {
    return by + " " + zone.getId();
  }
}
