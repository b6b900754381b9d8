package dev.meister.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meister.core.team.MemberId;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Properties of the on-call engine over random rotations (shift lengths, hand-off moments, zones
 * with summer time and odd offsets, weekend layers, Level 2 rosters) and random overrides: one
 * primary at every instant, stretches that tile time, every change of primary at a hand-off moment
 * or an edge of an override or a weekend, overrides that cover exactly their interval, and the
 * wall-clock hand-off time kept across DST.
 */
class SchedulePropertiesTest {
  private static final List<ZoneId> ZONES =
      List.of(
          ZoneId.of("Europe/Berlin"),
          ZoneId.of("America/New_York"),
          ZoneId.of("Asia/Kathmandu"),
          ZoneId.of("Australia/Lord_Howe"),
          ZoneId.of("Asia/Tokyo"),
          ZoneId.of("UTC"));

  /** The window the properties look at: across both 2027 DST changes in each hemisphere. */
  private static final Instant FROM = Instant.parse("2027-02-01T00:00:00Z");

  private static final Instant TO = Instant.parse("2027-05-15T00:00:00Z");

  /** A rotation and, maybe, one override of its primary position. */
  record Case(Rotation rotation, Optional<ScheduleOverride> override) {
    OnCallResolver resolver() {
      return new OnCallResolver(
          rotation,
          new ScheduleChanges(override.map(List::of).orElse(List.of()), List.of(), List.of()));
    }

    OnCallResolver withoutOverride() {
      return new OnCallResolver(rotation, ScheduleChanges.NONE);
    }
  }

  @Provide
  Arbitrary<Case> cases() {
    Arbitrary<ZoneId> zone = Arbitraries.of(ZONES);
    Arbitrary<ShiftLength> length =
        Arbitraries.oneOf(
            Arbitraries.of(ShiftLength.weeks(1), ShiftLength.weeks(2)),
            Arbitraries.integers().between(1, 6).map(ShiftLength::days));
    Arbitrary<HandoffMoment> handoff =
        Combinators.combine(
                Arbitraries.of(DayOfWeek.values()),
                Arbitraries.integers().between(0, 23),
                Arbitraries.of(0, 30))
            .as((d, h, m) -> new HandoffMoment(d, LocalTime.of(h, m)));
    Arbitrary<List<String>> roster =
        Arbitraries.of("ann", "ben", "cat", "dan", "eve")
            .list()
            .ofMinSize(1)
            .ofMaxSize(4)
            .uniqueElements();
    Arbitrary<Boolean> weekend = Arbitraries.of(true, false);
    Arbitrary<Boolean> level2 = Arbitraries.of(true, false);
    Arbitrary<Rotation> rotation =
        Combinators.combine(zone, length, handoff, roster, weekend, level2)
            .as(
                (z, len, h, names, withWeekend, withLevel2) -> {
                  LocalDate anchor =
                      LocalDate.of(2026, 11, 2)
                          .with(java.time.temporal.TemporalAdjusters.nextOrSame(h.day()));
                  WeekendLayer layer =
                      withWeekend
                          ? new WeekendLayer(
                              new WeeklyWindow(
                                  DayOfWeek.FRIDAY,
                                  LocalTime.of(17, 0),
                                  DayOfWeek.MONDAY,
                                  LocalTime.of(11, 0)),
                              Roster.of("wes", "wil"))
                          : null;
                  return new Rotation(
                      RotationId.of("ops"),
                      "Ops",
                      z,
                      len,
                      h,
                      anchor,
                      Roster.of(names.toArray(String[]::new)),
                      withLevel2 ? Roster.of("lev", "lou") : null,
                      layer,
                      UnavailabilityPolicy.SKIP_TO_NEXT);
                });
    Arbitrary<Optional<ScheduleOverride>> override =
        Combinators.combine(
                Arbitraries.longs().between(0, Duration.between(FROM, TO).toMinutes() - 60),
                Arbitraries.longs().between(1, 10 * 24 * 60),
                Arbitraries.of(true, false))
            .as(
                (startMinute, minutes, present) -> {
                  if (!present) {
                    return Optional.<ScheduleOverride>empty();
                  }
                  Instant start = FROM.plus(Duration.ofMinutes(startMinute));
                  return Optional.of(
                      new ScheduleOverride(
                          null,
                          RotationId.of("ops"),
                          Position.PRIMARY,
                          MemberId.of("ozzy"),
                          null,
                          start,
                          start.plus(Duration.ofMinutes(minutes)),
                          "property"));
                });
    return Combinators.combine(rotation, override).as(Case::new);
  }

  @Property(tries = 150)
  void exactly_one_primary_holds_every_instant(
      @ForAll("cases") Case c, @ForAll @IntRange(min = 0, max = 100_000) int step) {
    OnCallResolver resolver = c.resolver();
    Instant t = FROM.plus(Duration.ofMinutes(step));

    Assignment primary = resolver.onCallAt(t).primary();

    assertThat(primary.contains(t)).as("%s holds %s", primary, t).isTrue();
    assertThat(primary.position()).isEqualTo(Position.PRIMARY);
  }

  @Property(tries = 150)
  void the_stretches_tile_the_window_and_each_change_of_primary_has_a_reason(
      @ForAll("cases") Case c) {
    OnCallResolver resolver = c.resolver();
    List<Assignment> stretches = resolver.between(Position.PRIMARY, FROM, TO);

    assertThat(stretches.get(0).start()).isEqualTo(FROM);
    assertThat(stretches.get(stretches.size() - 1).end()).isEqualTo(TO);
    for (int i = 1; i < stretches.size(); i++) {
      Assignment before = stretches.get(i - 1);
      Assignment after = stretches.get(i);
      assertThat(after.start()).as("no gap, no overlap").isEqualTo(before.end());
      if (!before.member().equals(after.member())) {
        assertThat(reasons(c, after.start()))
            .as("why %s hands to %s at %s", before.member(), after.member(), after.start())
            .isNotEmpty();
      }
    }
  }

  @Property(tries = 150)
  void an_override_covers_exactly_its_interval(@ForAll("cases") Case c) {
    if (c.override().isEmpty()) {
      return;
    }
    ScheduleOverride o = c.override().get();
    OnCallResolver with = c.resolver();
    OnCallResolver without = c.withoutOverride();

    for (Instant t : List.of(o.start(), o.end().minusSeconds(1), midpoint(o.start(), o.end()))) {
      assertThat(with.onCallAt(t).primary().member())
          .as("inside at %s", t)
          .isEqualTo(o.coveringMember());
      assertThat(with.onCallAt(t).primary().source()).isEqualTo(Source.OVERRIDE);
    }
    for (Instant t : List.of(o.start().minusSeconds(1), o.end())) {
      assertThat(with.onCallAt(t).primary().member())
          .as("outside at %s", t)
          .isEqualTo(without.onCallAt(t).primary().member());
    }
  }

  /** What can make the primary change at {@code t}. */
  private static List<String> reasons(Case c, Instant t) {
    Rotation r = c.rotation();
    List<String> reasons = new ArrayList<>();
    ZonedDateTime local = t.atZone(r.zone());
    // A hand-off at the rotation's wall-clock time, as the zone resolves it on that day (a time in
    // a spring-forward gap moves on by the gap, as java.time does).
    if (ZonedDateTime.of(local.toLocalDate(), r.handoff().time(), r.zone()).toInstant().equals(t)) {
      reasons.add("hand-off");
    }
    r.weekendLayer()
        .ifPresent(
            w -> {
              WeeklyWindow win = w.window();
              if (local.getDayOfWeek() == win.startDay()
                  && ZonedDateTime.of(local.toLocalDate(), win.startTime(), r.zone())
                      .toInstant()
                      .equals(t)) {
                reasons.add("weekend starts");
              }
              if (local.getDayOfWeek() == win.endDay()
                  && ZonedDateTime.of(local.toLocalDate(), win.endTime(), r.zone())
                      .toInstant()
                      .equals(t)) {
                reasons.add("weekend ends");
              }
            });
    c.override()
        .ifPresent(
            o -> {
              if (o.start().equals(t) || o.end().equals(t)) {
                reasons.add("override edge");
              }
            });
    return reasons;
  }

  private static Instant midpoint(Instant a, Instant b) {
    return a.plus(Duration.between(a, b).dividedBy(2));
  }
}
