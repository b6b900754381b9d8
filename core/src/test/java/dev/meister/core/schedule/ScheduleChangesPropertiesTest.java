package dev.meister.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meister.core.team.MemberId;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
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
 * Properties of the schedule under every kind of change at once (issue #17, "Properties of the
 * schedule"), beside {@link SchedulePropertiesTest}: random rotations (day, week and hour shifts;
 * zones with summer time and odd offsets, Asia/Kathmandu and Australia/Lord_Howe among them; random
 * weekend windows; Level 2) with several overrides, swaps and unavailability. A swap exchanges
 * exactly two shifts; overrides, the latest winning, cover exactly their intervals; every change of
 * primary is a hand-off moment or an edge of an override, a weekend, a swapped shift or an absence;
 * {@code /schedule}'s stretches tile time without overlap; hand-offs keep their wall-clock time
 * across DST; nobody away is on call while a roster mate is free.
 */
class ScheduleChangesPropertiesTest {
  private static final List<ZoneId> ZONES =
      List.of(
          ZoneId.of("Europe/Berlin"),
          ZoneId.of("America/New_York"),
          ZoneId.of("America/Sao_Paulo"),
          ZoneId.of("Asia/Kathmandu"),
          ZoneId.of("Australia/Lord_Howe"),
          ZoneId.of("Pacific/Chatham"),
          ZoneId.of("UTC"));

  /** Across both 2027 DST changes in each hemisphere (Lord Howe's half hour in April). */
  private static final Instant FROM = Instant.parse("2027-02-01T00:00:00Z");

  private static final Instant TO = Instant.parse("2027-05-15T00:00:00Z");

  private static final RotationId OPS = RotationId.of("ops");
  private static final List<String> NAMES = List.of("ann", "ben", "cat", "dan", "eve");

  /** A rotation and the changes made to it. */
  record Case(Rotation rotation, ScheduleChanges changes) {
    OnCallResolver resolver() {
      return new OnCallResolver(rotation, changes);
    }

    OnCallResolver unchanged() {
      return new OnCallResolver(rotation, ScheduleChanges.NONE);
    }

    ShiftCalendar shifts() {
      return new ShiftCalendar(rotation);
    }
  }

  // ---------------------------------------------------------------- generators

  private static Arbitrary<ShiftLength> lengths(boolean withHours) {
    Arbitrary<ShiftLength> days =
        Arbitraries.oneOf(
            Arbitraries.of(ShiftLength.weeks(1), ShiftLength.weeks(2)),
            Arbitraries.integers().between(1, 6).map(ShiftLength::days));
    return withHours
        ? Arbitraries.oneOf(days, Arbitraries.of(8, 12, 24, 36).map(ShiftLength::hours))
        : days;
  }

  private static Arbitrary<HandoffMoment> handoffs() {
    return Combinators.combine(
            Arbitraries.of(DayOfWeek.values()),
            Arbitraries.integers().between(0, 23),
            Arbitraries.of(0, 15, 30, 45))
        .as((d, h, m) -> new HandoffMoment(d, LocalTime.of(h, m)));
  }

  private static Arbitrary<Optional<WeekendLayer>> weekends() {
    Arbitrary<WeeklyWindow> window =
        Combinators.combine(
                Arbitraries.of(DayOfWeek.THURSDAY, DayOfWeek.FRIDAY, DayOfWeek.SATURDAY),
                Arbitraries.integers().between(0, 23),
                Arbitraries.of(DayOfWeek.SUNDAY, DayOfWeek.MONDAY),
                Arbitraries.integers().between(0, 23),
                Arbitraries.of(0, 30))
            .as(
                (sd, sh, ed, eh, m) ->
                    new WeeklyWindow(sd, LocalTime.of(sh, m), ed, LocalTime.of(eh, 0)));
    return Arbitraries.oneOf(
        Arbitraries.just(Optional.<WeekendLayer>empty()),
        window.map(w -> Optional.of(new WeekendLayer(w, Roster.of("wes", "wil")))));
  }

  private static Arbitrary<Rotation> rotations(
      boolean withHours, boolean withWeekends, int minRoster) {
    Arbitrary<List<String>> roster =
        Arbitraries.of(NAMES).list().ofMinSize(minRoster).ofMaxSize(5).uniqueElements();
    Arbitrary<Optional<WeekendLayer>> weekend =
        withWeekends ? weekends() : Arbitraries.just(Optional.<WeekendLayer>empty());
    return Combinators.combine(
            Arbitraries.of(ZONES),
            lengths(withHours),
            handoffs(),
            roster,
            weekend,
            Arbitraries.of(true, false),
            Arbitraries.of(UnavailabilityPolicy.values()))
        .as(
            (zone, length, handoff, names, layer, level2, policy) ->
                new Rotation(
                    OPS,
                    "Ops",
                    zone,
                    length,
                    handoff,
                    LocalDate.of(2026, 11, 2).with(TemporalAdjusters.nextOrSame(handoff.day())),
                    Roster.of(names.toArray(String[]::new)),
                    level2 ? Roster.of("lev", "lou") : null,
                    layer.orElse(null),
                    policy));
  }

  private static Arbitrary<Instant> instants() {
    return Arbitraries.longs()
        .between(0, Duration.between(FROM, TO).toMinutes() - 1)
        .map(m -> FROM.plus(Duration.ofMinutes(m)));
  }

  private static Arbitrary<List<ScheduleOverride>> overrides(boolean covering) {
    Arbitrary<Optional<String>> covered =
        covering
            ? Arbitraries.oneOf(
                Arbitraries.just(Optional.<String>empty()), Arbitraries.of(NAMES).map(Optional::of))
            : Arbitraries.just(Optional.<String>empty());
    return Combinators.combine(
            instants(),
            Arbitraries.longs().between(1, 10 * 24 * 60),
            Arbitraries.of("ozzy", "pia", "ann"),
            covered)
        .as(
            (start, minutes, who, whom) ->
                new ScheduleOverride(
                    null,
                    OPS,
                    Position.PRIMARY,
                    MemberId.of(who),
                    whom.filter(w -> !w.equals(who)).map(MemberId::of).orElse(null),
                    start,
                    start.plus(Duration.ofMinutes(minutes)),
                    "property"))
        .list()
        .ofMaxSize(3);
  }

  private static Arbitrary<List<Unavailability>> absences(boolean withCover) {
    Arbitrary<Optional<MemberId>> cover =
        withCover
            ? Arbitraries.oneOf(
                Arbitraries.just(Optional.<MemberId>empty()),
                Arbitraries.just(Optional.of(MemberId.of("pia"))))
            : Arbitraries.just(Optional.<MemberId>empty());
    return Combinators.combine(
            Arbitraries.of(NAMES),
            Arbitraries.integers().between(0, 100),
            Arbitraries.integers().between(0, 12),
            cover)
        .as(
            (who, first, days, by) -> {
              LocalDate day = LocalDate.of(2027, 2, 1).plusDays(first);
              return new Unavailability(
                  null, MemberId.of(who), day, day.plusDays(days), by.orElse(null), "away");
            })
        .list()
        .ofMaxSize(2);
  }

  /** Swaps of two regular primary shifts inside the window, as shift indexes from FROM's. */
  private static Arbitrary<List<int[]>> swapPairs() {
    return Combinators.combine(
            Arbitraries.integers().between(1, 12), Arbitraries.integers().between(1, 12))
        .as((a, b) -> new int[] {a, b})
        .filter(p -> p[0] != p[1])
        .list()
        .ofMaxSize(2);
  }

  private static List<Swap> swaps(Rotation rotation, List<int[]> pairs) {
    ShiftCalendar shifts = new ShiftCalendar(rotation);
    long first = shifts.indexAt(FROM);
    List<Swap> swaps = new ArrayList<>();
    for (int[] p : pairs) {
      swaps.add(
          new Swap(
              null,
              OPS,
              SwapLayer.PRIMARY,
              shifts.boundary(first + p[0]),
              shifts.boundary(first + p[1])));
    }
    return swaps;
  }

  @Provide
  Arbitrary<Case> everything() {
    return Combinators.combine(
            rotations(true, true, 1), overrides(true), swapPairs(), absences(true))
        .as((r, o, s, u) -> new Case(r, new ScheduleChanges(o, swaps(r, s), u)));
  }

  // ---------------------------------------------------------------- properties

  /**
   * The member of shift A takes shift B and the other way round, for the whole of each, and nothing
   * outside those two shifts changes; a swap of one member's own two shifts changes nothing at all.
   */
  @Property(tries = 200)
  void a_swap_exchanges_exactly_two_shifts(
      @ForAll("swapCases") Case c, @ForAll @IntRange(min = 0, max = 100_000) int probe) {
    ShiftCalendar shifts = c.shifts();
    Swap swap = c.changes().swaps().get(0);
    long a = shifts.indexAt(swap.firstShiftStart());
    long b = shifts.indexAt(swap.secondShiftStart());
    OnCallResolver with = c.resolver();
    OnCallResolver without = c.unchanged();
    MemberId ofA = memberAt(without, shifts.boundary(a));
    MemberId ofB = memberAt(without, shifts.boundary(b));

    for (long k : new long[] {a, b}) {
      MemberId expected = ofA.equals(ofB) ? ofA : k == a ? ofB : ofA;
      for (Instant t : inside(shifts, k)) {
        Assignment primary = with.onCallAt(t).primary();
        assertThat(primary.member()).as("shift %d at %s", k, t).isEqualTo(expected);
        if (!ofA.equals(ofB)) {
          assertThat(primary.source()).isEqualTo(Source.SWAP);
        }
      }
    }
    Instant t = FROM.plus(Duration.ofMinutes(probe));
    long k = shifts.indexAt(t);
    if (k != a && k != b) {
      Assignment regular = without.onCallAt(t).primary();
      assertThat(with.onCallAt(t).primary().member())
          .as("outside the swapped shifts at %s", t)
          .isEqualTo(regular.member());
      assertThat(with.onCallAt(t).primary().source()).isEqualTo(regular.source());
    }
  }

  @Provide
  Arbitrary<Case> swapCases() {
    return Combinators.combine(rotations(true, false, 2), swapPairs().filter(p -> !p.isEmpty()))
        .as(
            (r, s) ->
                new Case(r, new ScheduleChanges(List.of(), swaps(r, s.subList(0, 1)), List.of())));
  }

  /**
   * Where an override covers {@code t} the latest one listed holds the primary, as an override;
   * where none does, the primary is who it would be without any override.
   */
  @Property(tries = 200)
  void overrides_cover_exactly_their_intervals_and_the_latest_wins(
      @ForAll("overrideCases") Case c, @ForAll @IntRange(min = 0, max = 100_000) int probe) {
    OnCallResolver with = c.resolver();
    OnCallResolver without = new OnCallResolver(c.rotation(), ScheduleChanges.NONE);
    List<Instant> probes = new ArrayList<>(List.of(FROM.plus(Duration.ofMinutes(probe))));
    for (ScheduleOverride o : c.changes().overrides()) {
      probes.addAll(List.of(o.start().minusNanos(1), o.start(), o.end().minusNanos(1), o.end()));
    }
    for (Instant t : probes) {
      Optional<ScheduleOverride> latest = Optional.empty();
      for (ScheduleOverride o : c.changes().overrides()) {
        if (o.covers(t)) {
          latest = Optional.of(o);
        }
      }
      Assignment primary = with.onCallAt(t).primary();
      if (latest.isPresent()) {
        assertThat(primary.member()).as("at %s", t).isEqualTo(latest.get().coveringMember());
        assertThat(primary.source()).isEqualTo(Source.OVERRIDE);
      } else {
        // The same member for the same reason; the stretch itself ends where an override begins.
        Assignment regular = without.onCallAt(t).primary();
        assertThat(primary.member()).as("no override at %s", t).isEqualTo(regular.member());
        assertThat(primary.source()).as("no override at %s", t).isEqualTo(regular.source());
      }
    }
  }

  @Provide
  Arbitrary<Case> overrideCases() {
    return Combinators.combine(rotations(true, true, 1), overrides(false).filter(o -> !o.isEmpty()))
        .as((r, o) -> new Case(r, new ScheduleChanges(o, List.of(), List.of())));
  }

  /**
   * {@code /schedule ROTATION N} lists {@code upcoming}: the first stretch holds the moment asked
   * about, each starts where the one before ends (no gap, no overlap), neighbours of the same
   * member and reason meet only at a shift's start, and each agrees with who is on call at its
   * first and last instant. Level 2 the same.
   */
  @Property(tries = 200)
  void the_schedule_stretches_tile_time_without_overlap(
      @ForAll("everything") Case c,
      @ForAll @IntRange(min = 0, max = 100_000) int probe,
      @ForAll @IntRange(min = 1, max = 12) int count) {
    OnCallResolver resolver = c.resolver();
    Instant from = FROM.plus(Duration.ofMinutes(probe));
    for (Position position : Position.values()) {
      List<Assignment> stretches = resolver.upcoming(position, from, count);
      if (position == Position.SECONDARY && c.rotation().secondary() == null) {
        assertThat(stretches).isEmpty();
        continue;
      }
      assertThat(stretches).hasSize(count);
      assertThat(stretches.get(0).contains(from)).as("the first holds %s", from).isTrue();
      for (int i = 0; i < stretches.size(); i++) {
        Assignment a = stretches.get(i);
        assertThat(a.start()).isBefore(a.end());
        assertThat(resolver.assignmentAt(position, a.start())).contains(a);
        assertThat(resolver.assignmentAt(position, a.end().minusNanos(1))).contains(a);
        if (i > 0) {
          Assignment before = stretches.get(i - 1);
          assertThat(a.start()).as("no gap, no overlap").isEqualTo(before.end());
          // Two stretches of the same member for the same reason meet only where a new shift
          // (or window, or change) begins: /schedule lists each shift.
          if (before.member().equals(a.member()) && before.source() == a.source()) {
            assertThat(hasReason(c, a.start())).as("%s then %s", before, a).isTrue();
          }
        }
      }
    }
  }

  /**
   * Every change of primary happens at a regular shift boundary, or at an edge of an override, a
   * weekend window, a swapped shift or an absence; nowhere else.
   */
  @Property(tries = 150)
  void every_change_of_primary_has_a_reason(@ForAll("everything") Case c) {
    OnCallResolver resolver = c.resolver();
    List<Assignment> stretches = resolver.between(Position.PRIMARY, FROM, TO);
    for (int i = 1; i < stretches.size(); i++) {
      Instant t = stretches.get(i).start();
      if (!stretches.get(i - 1).member().equals(stretches.get(i).member())) {
        assertThat(hasReason(c, t))
            .as("%s to %s at %s", stretches.get(i - 1), stretches.get(i), t)
            .isTrue();
      }
    }
  }

  /**
   * With day or week shifts and nothing changed, every hand-off reads the configured wall-clock
   * time in the rotation's zone, on the configured weekday for whole weeks, in summer and winter
   * alike; a time that does not exist that day (the spring gap, Lord Howe's half hour included)
   * moves on by the gap, as {@link ZonedDateTime#of} does.
   */
  @Property(tries = 200)
  void hand_offs_keep_their_wall_clock_time_across_dst(@ForAll("plainDayRotations") Rotation r) {
    OnCallResolver resolver = new OnCallResolver(r, ScheduleChanges.NONE);
    Instant t = FROM;
    int seen = 0;
    while (t.isBefore(TO)) {
      Optional<Handover> next = resolver.nextHandover(Position.PRIMARY, t);
      if (next.isEmpty()) {
        break;
      }
      Instant at = next.get().at();
      ZonedDateTime local = at.atZone(r.zone());
      LocalDateTime wanted = LocalDateTime.of(local.toLocalDate(), r.handoff().time());
      if (r.zone().getRules().getValidOffsets(wanted).isEmpty()) {
        // In the gap: the clock jumped over the hand-off time, which moves on by the gap's length.
        Duration gap = r.zone().getRules().getTransition(wanted).getDuration();
        assertThat(local.toLocalTime()).as("%s", local).isEqualTo(r.handoff().time().plus(gap));
      } else {
        assertThat(local.toLocalTime()).as("%s", local).isEqualTo(r.handoff().time());
        // In the autumn overlap the earlier offset: the first time the clock shows it.
        assertThat(local.getOffset()).isEqualTo(r.zone().getRules().getValidOffsets(wanted).get(0));
      }
      if (r.shiftLength().amount() % 7 == 0) {
        assertThat(local.getDayOfWeek()).isEqualTo(r.handoff().day());
      }
      t = at;
      seen++;
    }
    assertThat(seen).as("hand-offs in the window").isPositive();
  }

  @Provide
  Arbitrary<Rotation> plainDayRotations() {
    return rotations(false, false, 2);
  }

  /**
   * With the skip-to-next policy and nobody named to cover, a member who is away is never the
   * primary while someone else on the roster is free.
   */
  @Property(tries = 200)
  void nobody_away_is_on_call_while_a_roster_mate_is_free(
      @ForAll("absenceCases") Case c, @ForAll @IntRange(min = 0, max = 100_000) int probe) {
    OnCallResolver resolver = c.resolver();
    List<Instant> probes = new ArrayList<>(List.of(FROM.plus(Duration.ofMinutes(probe))));
    for (Unavailability u : c.changes().unavailability()) {
      Instant start = u.firstDay().atStartOfDay(c.rotation().zone()).toInstant();
      probes.addAll(List.of(start, start.plus(Duration.ofHours(13))));
    }
    for (Instant t : probes) {
      MemberId primary = resolver.onCallAt(t).primary().member();
      Roster roster = rosterAt(c, t);
      boolean someoneFree = roster.members().stream().anyMatch(m -> !away(c, m, t));
      if (someoneFree) {
        assertThat(away(c, primary, t)).as("%s is away at %s", primary, t).isFalse();
      }
    }
  }

  @Provide
  Arbitrary<Case> absenceCases() {
    return Combinators.combine(
            rotations(true, true, 1)
                .filter(r -> r.unavailabilityPolicy() == UnavailabilityPolicy.SKIP_TO_NEXT),
            absences(false).filter(u -> !u.isEmpty()))
        .as((r, u) -> new Case(r, new ScheduleChanges(List.of(), List.of(), u)));
  }

  // ---------------------------------------------------------------- helpers

  private static MemberId memberAt(OnCallResolver resolver, Instant t) {
    return resolver.onCallAt(t).primary().member();
  }

  /** The first, a middle and the last instant of shift {@code k}. */
  private static List<Instant> inside(ShiftCalendar shifts, long k) {
    Instant start = shifts.boundary(k);
    Instant end = shifts.boundary(k + 1);
    return List.of(start, start.plus(Duration.between(start, end).dividedBy(2)), end.minusNanos(1));
  }

  /** Which roster's turn it is at {@code t}: the weekend's inside its window, else the primary. */
  private static Roster rosterAt(Case c, Instant t) {
    Source regular = c.unchanged().onCallAt(t).primary().source();
    return regular == Source.WEEKEND
        ? c.rotation().weekendLayer().orElseThrow().roster()
        : c.rotation().primary();
  }

  private static boolean away(Case c, MemberId m, Instant t) {
    ZoneId zone = c.rotation().zone();
    for (Unavailability u : c.changes().unavailability()) {
      Instant start = u.firstDay().atStartOfDay(zone).toInstant();
      Instant end = u.lastDay().plusDays(1).atStartOfDay(zone).toInstant();
      if (u.member().equals(m) && !t.isBefore(start) && t.isBefore(end)) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasReason(Case c, Instant t) {
    Rotation r = c.rotation();
    if (new ShiftCalendar(r).startsAt(t)) {
      return true;
    }
    for (ScheduleOverride o : c.changes().overrides()) {
      if (o.start().equals(t) || o.end().equals(t)) {
        return true;
      }
    }
    for (Swap s : c.changes().swaps()) {
      if (s.firstShiftStart().equals(t) || s.secondShiftStart().equals(t)) {
        return true;
      }
    }
    ZoneId zone = r.zone();
    for (Unavailability u : c.changes().unavailability()) {
      if (u.firstDay().atStartOfDay(zone).toInstant().equals(t)
          || u.lastDay().plusDays(1).atStartOfDay(zone).toInstant().equals(t)) {
        return true;
      }
    }
    if (r.weekendLayer().isPresent()) {
      WeeklyWindow w = r.weekendLayer().get().window();
      LocalDate day = t.atZone(zone).toLocalDate();
      for (LocalDate d : List.of(day.minusDays(1), day, day.plusDays(1))) {
        if ((d.getDayOfWeek() == w.startDay()
                && ZonedDateTime.of(d, w.startTime(), zone).toInstant().equals(t))
            || (d.getDayOfWeek() == w.endDay()
                && ZonedDateTime.of(d, w.endTime(), zone).toInstant().equals(t))) {
          return true;
        }
      }
    }
    return false;
  }
}
