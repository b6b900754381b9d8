package dev.meister.core.schedule;

import static dev.meister.core.schedule.Times.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meister.core.team.MemberId;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator.ReplaceUnderscores;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayNameGeneration(ReplaceUnderscores.class)
class DaylightSavingTest {

  @ParameterizedTest(name = "{0}: {1} to {2}, {3}h")
  @CsvSource({
    "2026-03-18T12:00 Europe/Berlin, 2026-03-16T10:00Z, 2026-03-23T10:00Z, 168",
    "2026-03-25T12:00 Europe/Berlin, 2026-03-23T10:00Z, 2026-03-30T09:00Z, 167",
    "2026-03-31T12:00 Europe/Berlin, 2026-03-30T09:00Z, 2026-04-06T09:00Z, 168",
    "2026-10-21T12:00 Europe/Berlin, 2026-10-19T09:00Z, 2026-10-26T10:00Z, 169",
    "2026-10-28T12:00 Europe/Berlin, 2026-10-26T10:00Z, 2026-11-02T10:00Z, 168",
  })
  void monday_hand_offs_stay_at_eleven_in_berlin_across_daylight_saving(
      String when, String start, String end, long hours) {
    var resolver = resolver("Europe/Berlin", ShiftLength.weeks(1), "2026-03-02", "MONDAY", "11:00");

    Assignment shift = resolver.assignmentAt(Position.PRIMARY, at(when)).orElseThrow();

    assertThat(shift.start()).isEqualTo(at(start));
    assertThat(shift.end()).isEqualTo(at(end));
    assertThat(Duration.between(shift.start(), shift.end())).isEqualTo(Duration.ofHours(hours));
  }

  @ParameterizedTest(name = "{0}: {1} to {2}, {3}h")
  @CsvSource({
    "2018-11-01T12:00 America/Sao_Paulo, 2018-10-28T03:00Z, 2018-11-04T03:00Z, 168",
    "2018-11-05T12:00 America/Sao_Paulo, 2018-11-04T03:00Z, 2018-11-11T02:00Z, 167",
    "2019-02-12T12:00 America/Sao_Paulo, 2019-02-10T02:00Z, 2019-02-17T03:00Z, 169",
    "2019-02-20T12:00 America/Sao_Paulo, 2019-02-17T03:00Z, 2019-02-24T03:00Z, 168",
  })
  void a_sunday_midnight_hand_off_in_the_sao_paulo_gap_moves_to_one_oclock(
      String when, String start, String end, long hours) {
    var resolver =
        resolver("America/Sao_Paulo", ShiftLength.weeks(1), "2018-10-07", "SUNDAY", "00:00");

    Assignment shift = resolver.assignmentAt(Position.PRIMARY, at(when)).orElseThrow();

    assertThat(shift.start()).isEqualTo(at(start));
    assertThat(shift.end()).isEqualTo(at(end));
    assertThat(Duration.between(shift.start(), shift.end())).isEqualTo(Duration.ofHours(hours));
  }

  @ParameterizedTest(name = "{0}: starts {1}")
  @CsvSource({
    "2026-03-29T12:00 Europe/Berlin, 2026-03-29T01:30Z",
    "2026-03-30T12:00 Europe/Berlin, 2026-03-30T00:30Z",
    "2026-10-25T12:00 Europe/Berlin, 2026-10-25T00:30Z",
    "2026-10-26T12:00 Europe/Berlin, 2026-10-26T01:30Z",
  })
  void a_daily_hand_off_in_a_gap_moves_forward_and_one_in_an_overlap_takes_the_earlier_offset(
      String when, String start) {
    var resolver = resolver("Europe/Berlin", ShiftLength.days(1), "2026-03-01", "SUNDAY", "02:30");

    Assignment shift = resolver.assignmentAt(Position.PRIMARY, at(when)).orElseThrow();

    assertThat(shift.start()).isEqualTo(at(start));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "2026-03-28T19:59 Europe/Berlin, ann, 2026-03-28T07:00Z",
    "2026-03-28T20:00 Europe/Berlin, ben, 2026-03-28T19:00Z",
    "2026-03-29T08:59 Europe/Berlin, ben, 2026-03-28T19:00Z",
    "2026-03-29T09:00 Europe/Berlin, cat, 2026-03-29T07:00Z",
    "2026-03-29T21:00 Europe/Berlin, ann, 2026-03-29T19:00Z",
  })
  void twelve_hour_shifts_count_elapsed_time_so_local_hand_offs_shift_by_an_hour(
      String when, String member, String start) {
    var resolver =
        resolver("Europe/Berlin", ShiftLength.hours(12), "2026-03-28", "SATURDAY", "08:00");

    Assignment shift = resolver.assignmentAt(Position.PRIMARY, at(when)).orElseThrow();

    assertThat(shift.member()).isEqualTo(MemberId.of(member));
    assertThat(shift.start()).isEqualTo(at(start));
    assertThat(Duration.between(shift.start(), shift.end())).isEqualTo(Duration.ofHours(12));
  }

  private static OnCallResolver resolver(
      String zone, ShiftLength length, String anchor, String day, String time) {
    Rotation rotation =
        new Rotation(
            RotationId.of("dst"),
            "DST",
            ZoneId.of(zone),
            length,
            new HandoffMoment(DayOfWeek.valueOf(day), LocalTime.parse(time)),
            LocalDate.parse(anchor),
            Roster.of("ann", "ben", "cat"),
            null,
            null,
            UnavailabilityPolicy.SKIP_TO_NEXT);
    return new OnCallResolver(rotation, ScheduleChanges.NONE);
  }
}
