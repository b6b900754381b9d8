package dev.meister.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.meister.core.team.ChatIdentities;
import dev.meister.core.team.Member;
import dev.meister.core.team.MemberId;
import dev.meister.core.team.Team;
import dev.meister.core.web.LoadHours;
import dev.meister.core.web.OnCallLoad;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** The on-call load page model, computed by the resolver over the {@link Rotations} fixtures. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class OnCallLoadTest {
  private static final Instant NOW = Instant.parse("2026-12-02T09:00:00Z");

  private static final Team TEAM =
      new Team(
          List.of(
              member("alice", "Alice"),
              member("bob", "Bob"),
              member("carol", "Carol"),
              member("dora", "Dora"),
              member("emil", "Emil"),
              member("erik", "Erik"),
              member("fiona", "Fiona")));

  /** Monday 16 to Sunday 22 November 2026: Bob's Hausmeister week. */
  private static final OnCallLoad.Period WEEK =
      new OnCallLoad.Period(LocalDate.of(2026, 11, 16), LocalDate.of(2026, 11, 22));

  @Test
  void bob_s_week_from_monday_11_00_to_the_weekend_is_split_on_the_berlin_clock() {
    OnCallLoad load = load(ScheduleChanges.NONE, Rotations.hausmeister(), WEEK);

    // Mon 11:00-Fri 17:00: work 7 + 3*9 + 8, nights 6 + 3*15 + 9.
    assertThat(hours(load, "bob", "Primary")).isEqualTo(split(42, 60, 0));
  }

  @Test
  void every_hour_of_the_week_is_counted_once_whoever_holds_it() {
    OnCallLoad load = load(ScheduleChanges.NONE, Rotations.hausmeister(), WEEK);

    LoadHours primary =
        load.rows().stream()
            .filter(r -> r.position().equals("Primary"))
            .map(OnCallLoad.Row::hours)
            .reduce(LoadHours.NONE, LoadHours::plus);
    LoadHours level2 =
        load.rows().stream()
            .filter(r -> r.position().equals("Level 2"))
            .map(OnCallLoad.Row::hours)
            .reduce(LoadHours.NONE, LoadHours::plus);
    assertThat(primary).isEqualTo(split(45, 75, 48));
    assertThat(level2).isEqualTo(split(45, 75, 48));
  }

  @Test
  void an_override_counts_for_whoever_took_the_time_over() {
    // Alice takes Bob's Thursday 19 Nov 01:00-13:00 Berlin: 8 night hours, 4 work hours.
    ScheduleOverride alice =
        new ScheduleOverride(
            null,
            RotationId.of("hausmeister"),
            Position.PRIMARY,
            MemberId.of("alice"),
            null,
            Instant.parse("2026-11-19T00:00:00Z"),
            Instant.parse("2026-11-19T12:00:00Z"),
            "dentist");

    OnCallLoad load =
        load(
            new ScheduleChanges(List.of(alice), List.of(), List.of()),
            Rotations.hausmeister(),
            WEEK);

    assertThat(hours(load, "alice", "Primary")).isEqualTo(split(4, 8, 0));
    assertThat(hours(load, "bob", "Primary")).isEqualTo(split(38, 52, 0));
  }

  @Test
  void a_swap_moves_the_whole_shift_to_the_other_member() {
    // Alice's shift from Mon 9 Nov 11:00 and Bob's from Mon 23 Nov 11:00 are swapped.
    Swap swap =
        new Swap(
            null,
            RotationId.of("dagmeister"),
            SwapLayer.PRIMARY,
            Instant.parse("2026-11-09T10:00:00Z"),
            Instant.parse("2026-11-23T10:00:00Z"));
    OnCallLoad.Period period =
        new OnCallLoad.Period(LocalDate.of(2026, 11, 10), LocalDate.of(2026, 11, 22));

    OnCallLoad load =
        load(
            new ScheduleChanges(List.of(), List.of(swap), List.of()),
            Rotations.dagmeister(),
            period);

    // Tue 10 to Sun 22 Nov: nine weekdays and two weekends, all Bob's.
    assertThat(load.rows())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.member()).isEqualTo("bob");
              assertThat(r.hours()).isEqualTo(split(81, 135, 96));
            });
  }

  @Test
  void people_are_listed_busiest_first_with_bars_relative_to_the_busiest() {
    OnCallLoad load = load(ScheduleChanges.NONE, Rotations.hausmeister(), WEEK);

    OnCallLoad.Person first = load.people().get(0);
    assertThat(first.total().total())
        .isEqualTo(
            load.people().stream().map(p -> p.total().total()).max(Duration::compareTo).get());
    assertThat(first.workPercent() + first.nightPercent() + first.weekendPercent())
        .isCloseTo(100.0, org.assertj.core.data.Offset.offset(0.05));
    assertThat(load.people()).extracting(OnCallLoad.Person::name).contains("Bob", "Dora");
  }

  @Test
  void the_default_period_is_the_four_whole_weeks_before_this_one() {
    OnCallLoad.Period p = OnCallLoad.lastFourWeeks(LocalDate.of(2026, 12, 2));

    assertThat(p)
        .isEqualTo(new OnCallLoad.Period(LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 29)));
  }

  @Test
  void this_quarter_runs_to_its_last_day() {
    assertThat(OnCallLoad.quarter(LocalDate.of(2026, 12, 2)))
        .isEqualTo(new OnCallLoad.Period(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 12, 31)));
    assertThat(OnCallLoad.quarter(LocalDate.of(2026, 2, 28)))
        .isEqualTo(new OnCallLoad.Period(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31)));
  }

  @Test
  void a_period_ending_before_it_starts_or_longer_than_a_year_is_refused() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> new OnCallLoad.Period(LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 1)))
        .withMessage("The period must end on or after its start: 2026-11-02 to 2026-11-01.");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new OnCallLoad.Period(LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 2)))
        .withMessage("The period may be at most 366 days: 2026-01-01 to 2027-01-02.");
  }

  private static OnCallLoad load(ScheduleChanges changes, Rotation r, OnCallLoad.Period period) {
    OnCallDirectory directory =
        new OnCallDirectory(
            List.of(r), new NoStoredChanges(), changes, Clock.fixed(NOW, ZoneOffset.UTC));
    return OnCallLoad.of(directory, TEAM, List.of(r), period);
  }

  private static LoadHours hours(OnCallLoad load, String member, String position) {
    return load.rows().stream()
        .filter(r -> r.member().equals(member) && r.position().equals(position))
        .findFirst()
        .orElseThrow()
        .hours();
  }

  private static LoadHours split(long work, long night, long weekend) {
    return new LoadHours(
        Duration.ofHours(work), Duration.ofHours(night), Duration.ofHours(weekend));
  }

  private static Member member(String id, String name) {
    return new Member(
        MemberId.of(id), name, new ChatIdentities(null, null, null, null), null, Set.of());
  }
}
