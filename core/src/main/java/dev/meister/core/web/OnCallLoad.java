package dev.meister.core.web;

import dev.meister.core.schedule.Assignment;
import dev.meister.core.schedule.OnCallDirectory;
import dev.meister.core.schedule.OnCallResolver;
import dev.meister.core.schedule.Position;
import dev.meister.core.schedule.Rotation;
import dev.meister.core.team.MemberId;
import dev.meister.core.team.Team;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The "On-call load" page: hours on call per person over a period, split into work hours, nights
 * and weekends ({@link LoadHours}), for fair rosters. Computed by the same resolver as {@code
 * /whoisoncall}, so overrides, swaps, covers and the weekend layer count for whoever actually held
 * the position. The period runs from {@code from} 00:00 to the end of {@code to}, both in each
 * rotation's own zone; Primary (with the weekend layer) and Level 2 are counted apart.
 */
public record OnCallLoad(LocalDate from, LocalDate to, List<Person> people, List<Row> rows) {
  /** A year and a day: longer periods are refused rather than computed slowly. */
  public static final int MAX_DAYS = 366;

  public OnCallLoad {
    people = List.copyOf(people);
    rows = List.copyOf(rows);
  }

  /** One member's time in one position of one rotation. */
  public record Row(
      String rotation,
      String rotationName,
      String member,
      String name,
      String position,
      LoadHours hours) {}

  /**
   * One member's time over all rotations, with bar lengths in percent of the busiest person.
   *
   * @param primary as Primary (including the weekend layer)
   * @param level2 as Level 2
   */
  public record Person(
      String member,
      String name,
      LoadHours primary,
      LoadHours level2,
      LoadHours total,
      double workPercent,
      double nightPercent,
      double weekendPercent) {}

  /**
   * The default period: the four whole weeks (Monday to Sunday) before the one of {@code today}.
   */
  public static Period lastFourWeeks(LocalDate today) {
    LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    return new Period(monday.minusWeeks(4), monday.minusDays(1));
  }

  /** The calendar quarter {@code today} is in, to its last day. */
  public static Period quarter(LocalDate today) {
    LocalDate first =
        LocalDate.of(today.getYear(), (today.get(IsoFields.QUARTER_OF_YEAR) - 1) * 3 + 1, 1);
    return new Period(first, first.plusMonths(3).minusDays(1));
  }

  /** A period of whole days, both ends included. */
  public record Period(LocalDate from, LocalDate to) {
    public Period {
      if (to.isBefore(from)) {
        throw new IllegalArgumentException(
            "The period must end on or after its start: " + from + " to " + to + ".");
      }
      if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
        throw new IllegalArgumentException(
            "The period may be at most " + MAX_DAYS + " days: " + from + " to " + to + ".");
      }
    }
  }

  public static OnCallLoad of(
      OnCallDirectory directory, Team team, List<Rotation> rotations, Period period) {
    List<Row> rows = new ArrayList<>();
    Map<MemberId, LoadHours[]> byMember = new LinkedHashMap<>();
    for (Rotation r : rotations) {
      Instant start = period.from().atStartOfDay(r.zone()).toInstant();
      Instant end = period.to().plusDays(1).atStartOfDay(r.zone()).toInstant();
      OnCallResolver resolver = directory.resolver(r, start);
      for (Position p : List.of(Position.PRIMARY, Position.SECONDARY)) {
        Map<MemberId, LoadHours> held = new LinkedHashMap<>();
        for (Assignment a : resolver.between(p, start, end)) {
          held.merge(a.member(), LoadHours.of(a.start(), a.end(), r.zone()), LoadHours::plus);
        }
        for (Map.Entry<MemberId, LoadHours> e : held.entrySet()) {
          rows.add(
              new Row(
                  r.id().value(),
                  r.displayName(),
                  e.getKey().value(),
                  AlertsPage.name(team, e.getKey()),
                  p == Position.PRIMARY ? "Primary" : "Level 2",
                  e.getValue()));
          LoadHours[] sums =
              byMember.computeIfAbsent(
                  e.getKey(), k -> new LoadHours[] {LoadHours.NONE, LoadHours.NONE});
          int i = p == Position.PRIMARY ? 0 : 1;
          sums[i] = sums[i].plus(e.getValue());
        }
      }
    }
    rows.sort(
        Comparator.comparing(Row::rotation)
            .thenComparing(Row::position, Comparator.reverseOrder())
            .thenComparing((Row x) -> x.hours().total(), Comparator.reverseOrder()));
    return new OnCallLoad(period.from(), period.to(), people(team, byMember), rows);
  }

  private static List<Person> people(Team team, Map<MemberId, LoadHours[]> byMember) {
    Duration most = Duration.ofMinutes(1);
    for (LoadHours[] s : byMember.values()) {
      Duration t = s[0].plus(s[1]).total();
      most = t.compareTo(most) > 0 ? t : most;
    }
    List<Person> people = new ArrayList<>();
    for (Map.Entry<MemberId, LoadHours[]> e : byMember.entrySet()) {
      LoadHours total = e.getValue()[0].plus(e.getValue()[1]);
      people.add(
          new Person(
              e.getKey().value(),
              AlertsPage.name(team, e.getKey()),
              e.getValue()[0],
              e.getValue()[1],
              total,
              percent(total.work(), most),
              percent(total.night(), most),
              percent(total.weekend(), most)));
    }
    people.sort(
        Comparator.comparing((Person p) -> p.total().total())
            .reversed()
            .thenComparing(Person::member));
    return people;
  }

  private static double percent(Duration part, Duration of) {
    return Math.round(part.toMinutes() * 10000.0 / of.toMinutes()) / 100.0;
  }
}
