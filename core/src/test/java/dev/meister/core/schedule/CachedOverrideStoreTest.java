package dev.meister.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meister.core.team.MemberId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CachedOverrideStoreTest {
  private static final RotationId HAUS = RotationId.of("hausmeister");
  private static final Instant T = Instant.parse("2026-11-23T10:00:00Z");

  private final CountingStore backing = new CountingStore();
  private final CachedOverrideStore store = new CachedOverrideStore(backing);

  private static ScheduleOverride override(int fromDay, int toDay) {
    return new ScheduleOverride(
        null,
        HAUS,
        Position.PRIMARY,
        MemberId.of("bob"),
        null,
        T.plusSeconds(86_400L * fromDay),
        T.plusSeconds(86_400L * toDay),
        null);
  }

  @Test
  void repeated_questions_are_answered_from_memory() {
    store.add(override(0, 2));

    for (int i = 0; i < 5; i++) {
      store.changesFor(HAUS, T);
    }

    assertThat(backing.reads).isEqualTo(3);
  }

  @Test
  void a_write_is_seen_by_the_next_question() {
    assertThat(store.overrides(HAUS, T)).isEmpty();

    store.add(override(0, 2));
    store.add(
        new Unavailability(
            null,
            MemberId.of("carol"),
            LocalDate.of(2026, 12, 24),
            LocalDate.of(2026, 12, 31),
            null,
            null));

    assertThat(store.overrides(HAUS, T)).hasSize(1);
    assertThat(store.allUnavailability()).hasSize(1);
  }

  @Test
  void overrides_that_ended_before_the_question_are_left_out() {
    store.add(override(-5, -3));
    store.add(override(-1, 1));

    assertThat(store.overrides(HAUS, T))
        .extracting(o -> o.start())
        .containsExactly(T.minusSeconds(86_400));
  }

  /** A store in memory that counts how often it is read. */
  private static final class CountingStore implements OverrideStore {
    final List<ScheduleOverride> overrides = new ArrayList<>();
    final List<Unavailability> away = new ArrayList<>();
    int reads;

    @Override
    public ScheduleOverride add(ScheduleOverride o) {
      ScheduleOverride stored = o.withId(new OverrideId(overrides.size() + 1));
      overrides.add(stored);
      return stored;
    }

    @Override
    public Swap add(Swap swap) {
      return swap;
    }

    @Override
    public Unavailability add(Unavailability u) {
      away.add(u);
      return u;
    }

    @Override
    public boolean remove(OverrideId id) {
      return overrides.removeIf(o -> id.equals(o.id()));
    }

    @Override
    public Optional<ScheduleOverride> findOverride(OverrideId id) {
      return overrides.stream().filter(o -> id.equals(o.id())).findFirst();
    }

    @Override
    public List<ScheduleOverride> overrides(RotationId rotation, Instant from) {
      reads++;
      return overrides.stream().filter(o -> o.end().isAfter(from)).toList();
    }

    @Override
    public List<Swap> swaps(RotationId rotation) {
      reads++;
      return List.of();
    }

    @Override
    public List<Unavailability> unavailability(MemberId member) {
      return List.of();
    }

    @Override
    public List<Unavailability> allUnavailability() {
      reads++;
      return List.copyOf(away);
    }
  }
}
