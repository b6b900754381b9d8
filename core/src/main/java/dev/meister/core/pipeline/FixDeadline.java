package dev.meister.core.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * By when a failure of the pipeline must be fixed: seed 004's "If pipeline fails, it will be fixed
 * within 24 hour from midnight UTC" and "Issues will be fixed by end of month".
 */
public sealed interface FixDeadline {
  /** The moment a failure at {@code failedAt} must be fixed by. */
  Instant dueFor(Instant failedAt);

  /**
   * Within a time counted from the midnight (in {@code zone}) that started the failure's day: "24h
   * from midnight UTC" gives a failure at 01:30 until the next midnight.
   */
  record FromMidnight(Duration within, ZoneId zone) implements FixDeadline {
    @Override
    public Instant dueFor(Instant failedAt) {
      LocalDate day = failedAt.atZone(zone).toLocalDate();
      return day.atStartOfDay(zone).toInstant().plus(within);
    }

    @Override
    public String toString() {
      return "within " + Durations.text(within) + " from midnight " + zone.getId();
    }
  }

  /** Within a time counted from the failure itself. */
  record FromFailure(Duration within) implements FixDeadline {
    @Override
    public Instant dueFor(Instant failedAt) {
      return failedAt.plus(within);
    }

    @Override
    public String toString() {
      return "within " + Durations.text(within);
    }
  }

  /** By the end of the month the failure happened in, read in {@code zone}. */
  record EndOfMonth(ZoneId zone) implements FixDeadline {
    @Override
    public Instant dueFor(Instant failedAt) {
      LocalDate first = failedAt.atZone(zone).toLocalDate().withDayOfMonth(1).plusMonths(1);
      return first.atStartOfDay(zone).toInstant();
    }

    @Override
    public String toString() {
      return "by the end of the month (" + zone.getId() + ")";
    }
  }

  /** Writes durations as the configuration does: {@code 24h} or {@code 90m}. */
  final class Durations {
    private Durations() {}

    static String text(Duration d) {
      return d.toMinutes() % 60 == 0 ? d.toHours() + "h" : d.toMinutes() + "m";
    }
  }
}
