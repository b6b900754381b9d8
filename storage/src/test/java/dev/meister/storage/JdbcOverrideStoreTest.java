package dev.meister.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meister.core.schedule.Position;
import dev.meister.core.schedule.RotationId;
import dev.meister.core.schedule.ScheduleChanges;
import dev.meister.core.schedule.ScheduleOverride;
import dev.meister.core.schedule.Swap;
import dev.meister.core.schedule.SwapLayer;
import dev.meister.core.schedule.Unavailability;
import dev.meister.core.team.MemberId;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class JdbcOverrideStoreTest extends StorageTestBase {
  private static final RotationId HAUS = RotationId.of("hausmeister");

  private static ScheduleOverride override(String who, int startDay, int endDay) {
    return new ScheduleOverride(
        null,
        HAUS,
        Position.PRIMARY,
        MemberId.of(who),
        MemberId.of("alice"),
        NOW.plusSeconds(86_400L * startDay),
        NOW.plusSeconds(86_400L * endDay),
        "vacation");
  }

  @Test
  void overrides_come_back_in_creation_order_without_the_ended_ones() {
    storage.overrides().add(override("bob", -10, -5));
    ScheduleOverride later = storage.overrides().add(override("carol", 3, 8));
    ScheduleOverride current = storage.overrides().add(override("dave", -1, 2));

    assertThat(storage.overrides().overrides(HAUS, NOW)).containsExactly(later, current);
    assertThat(storage.overrides().overrides(RotationId.of("dagmeister"), NOW)).isEmpty();
  }

  @Test
  void an_override_can_be_found_and_removed_by_id() {
    ScheduleOverride stored = storage.overrides().add(override("bob", 0, 1));

    assertThat(storage.overrides().findOverride(stored.storedId())).contains(stored);
    assertThat(storage.overrides().remove(stored.storedId())).isTrue();
    assertThat(storage.overrides().remove(stored.storedId())).isFalse();
    assertThat(storage.overrides().findOverride(stored.storedId())).isEmpty();
  }

  @Test
  void swaps_and_unavailability_round_trip_and_make_up_the_changes_of_a_rotation() {
    Swap swap =
        storage
            .overrides()
            .add(new Swap(null, HAUS, SwapLayer.WEEKEND, NOW, NOW.plusSeconds(7 * 86_400L)));
    Unavailability away =
        storage
            .overrides()
            .add(
                new Unavailability(
                    null,
                    MemberId.of("carol"),
                    LocalDate.of(2026, 12, 24),
                    LocalDate.of(2027, 1, 1),
                    MemberId.of("dave"),
                    "holidays"));
    ScheduleOverride o = storage.overrides().add(override("bob", 0, 1));

    reopen();

    assertThat(storage.overrides().changesFor(HAUS, NOW))
        .isEqualTo(
            new ScheduleChanges(
                java.util.List.of(o), java.util.List.of(swap), java.util.List.of(away)));
    assertThat(storage.overrides().unavailability(MemberId.of("carol"))).containsExactly(away);
    assertThat(storage.overrides().unavailability(MemberId.of("bob"))).isEmpty();
  }
}
