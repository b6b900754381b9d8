package dev.meister.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meister.core.team.ChatIdentities;
import dev.meister.core.team.Member;
import dev.meister.core.team.MemberId;
import dev.meister.core.team.Team;
import dev.meister.core.web.MyShifts;
import dev.meister.core.web.NowPage;
import dev.meister.core.web.Timeline;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * The web page's schedule models ({@code dev.meister.core.web}), here beside the {@link Rotations}
 * fixtures they are computed from: the same resolver as {@code /whoisoncall}.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class WebPageModelsTest {
  /** Wednesday of week 3 (carol's), Level 2 dora. */
  private static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");

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

  /** Bob takes Carol's Thursday, 26 Nov 00:00-12:00 UTC. */
  private static final ScheduleOverride BOB_THURSDAY =
      new ScheduleOverride(
          null,
          RotationId.of("hausmeister"),
          Position.PRIMARY,
          MemberId.of("bob"),
          null,
          Instant.parse("2026-11-26T00:00:00Z"),
          Instant.parse("2026-11-26T12:00:00Z"),
          "dentist");

  private static OnCallDirectory directory() {
    return new OnCallDirectory(
        List.of(Rotations.hausmeister()),
        new NoStoredChanges(),
        new ScheduleChanges(List.of(BOB_THURSDAY), List.of(), List.of()),
        Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @Test
  void now_names_the_primary_level_2_and_next_as_whoisoncall_does() {
    NowPage page = NowPage.of(directory(), TEAM);

    NowPage.RotationNow r = page.rotations().get(0);
    assertThat(r.primary())
        .isEqualTo(new NowPage.Slot("carol", "Carol", "", "until Thu 26 Nov 01:00 CET"));
    assertThat(r.level2())
        .contains(new NowPage.Slot("dora", "Dora", "", "until Mon 30 Nov 11:00 CET"));
    assertThat(r.next().name()).isEqualTo("Bob");
    assertThat(r.next().source()).isEqualTo(" (override)");
  }

  @Test
  void the_timeline_has_a_lane_per_layer_and_marks_the_override_with_its_reason() {
    Timeline t = Timeline.of(directory(), TEAM, Rotations.hausmeister(), NOW, 1);

    assertThat(t.lanes())
        .extracting(Timeline.Lane::name)
        .containsExactly("Primary", "Level 2", "Weekend");
    Timeline.Block override =
        t.lane("Primary").orElseThrow().blocks().stream()
            .filter(Timeline.Block::changed)
            .findFirst()
            .orElseThrow();
    assertThat(override.name()).isEqualTo("Bob");
    assertThat(override.title())
        .isEqualTo(
            "Primary: Bob, Thu 26 Nov 01:00 CET → Thu 26 Nov 13:00 CET (override: someone else took"
                + " this time over)");
    assertThat(t.lane("Weekend").orElseThrow().blocks())
        .extracting(Timeline.Block::name, Timeline.Block::start)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("Erik", "Fri 27 Nov 17:00 CET"));
  }

  @Test
  void blocks_fill_the_period_from_zero_to_one_hundred_percent() {
    Timeline t = Timeline.of(directory(), TEAM, Rotations.hausmeister(), NOW, 2);

    List<Timeline.Block> level2 = t.lane("Level 2").orElseThrow().blocks();
    assertThat(level2.get(0).left()).isZero();
    Timeline.Block last = level2.get(level2.size() - 1);
    assertThat(last.left() + last.width())
        .isCloseTo(100.0, org.assertj.core.data.Offset.offset(0.01));
    // The Monday 30 Nov 11:00 hand-off is drawn where it falls: 5 days 1 hour into 14 days.
    assertThat(t.ticks()).extracting(Timeline.Tick::label).contains("Mon 30 Nov 11:00 CET");
    assertThat(level2.get(1).left()).isEqualTo(Math.round(121.0 / 336 * 10000) / 100.0);
  }

  @Test
  void my_shifts_are_a_members_blocks_in_every_lane() {
    Timeline t = Timeline.of(directory(), TEAM, Rotations.hausmeister(), NOW, 2);

    MyShifts mine = MyShifts.of(TEAM.get(MemberId.of("bob")), List.of(t));

    assertThat(mine.shifts())
        .extracting(MyShifts.Shift::layer, MyShifts.Shift::start, MyShifts.Shift::changed)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Primary", "Thu 26 Nov 01:00 CET", true),
            org.assertj.core.groups.Tuple.tuple("Primary", "Mon 7 Dec 11:00 CET", false));
  }

  private static Member member(String id, String name) {
    return new Member(
        MemberId.of(id), name, new ChatIdentities(null, null, null, null), null, Set.of());
  }
}
