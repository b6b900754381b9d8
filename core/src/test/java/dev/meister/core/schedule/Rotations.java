package dev.meister.core.schedule;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;

/** The rotations the tables are written against. */
final class Rotations {
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final HandoffMoment MONDAY_11 =
      new HandoffMoment(DayOfWeek.MONDAY, LocalTime.of(11, 0));

  private Rotations() {}

  /** Two-week shifts from Monday 2026-11-09 11:00 Berlin: alice, bob, carol. */
  static Rotation dagmeister(UnavailabilityPolicy policy) {
    return rotation(
        "dagmeister",
        ShiftLength.weeks(2),
        LocalDate.of(2026, 11, 9),
        Roster.of("alice", "bob", "carol"),
        null,
        null,
        policy);
  }

  static Rotation dagmeister() {
    return dagmeister(UnavailabilityPolicy.SKIP_TO_NEXT);
  }

  /**
   * Weekly from Monday 2026-11-09 11:00 Berlin: alice, bob, carol; Level 2 dora, emil; weekends
   * Friday 17:00 to Monday 11:00: erik, fiona.
   */
  static Rotation hausmeister() {
    return hausmeister(Roster.of("alice", "bob", "carol"), Roster.of("erik", "fiona"));
  }

  static Rotation hausmeister(Roster weekdays, Roster weekends) {
    WeeklyWindow window =
        new WeeklyWindow(
            DayOfWeek.FRIDAY, LocalTime.of(17, 0), DayOfWeek.MONDAY, LocalTime.of(11, 0));
    return rotation(
        "hausmeister",
        ShiftLength.weeks(1),
        LocalDate.of(2026, 11, 9),
        weekdays,
        Roster.of("dora", "emil"),
        new WeekendLayer(window, weekends),
        UnavailabilityPolicy.SKIP_TO_NEXT);
  }

  /** Weekly from Monday 2026-11-02 11:00 Berlin: danny, anna, laura, jane. */
  static Rotation fourWeeks() {
    return rotation(
        "buildmeister",
        ShiftLength.weeks(1),
        LocalDate.of(2026, 11, 2),
        Roster.of("danny", "anna", "laura", "jane"),
        null,
        null,
        UnavailabilityPolicy.SKIP_TO_NEXT);
  }

  static Rotation rotation(
      String id,
      ShiftLength length,
      LocalDate anchor,
      Roster primary,
      @Nullable Roster secondary,
      @Nullable WeekendLayer weekend,
      UnavailabilityPolicy policy) {
    return new Rotation(
        RotationId.of(id),
        id,
        BERLIN,
        length,
        MONDAY_11,
        anchor,
        primary,
        secondary,
        weekend,
        policy);
  }
}
