package dev.meister.bot.app;

import dev.meister.core.schedule.OverrideId;
import dev.meister.core.schedule.OverrideStore;
import dev.meister.core.schedule.RotationId;
import dev.meister.core.schedule.ScheduleOverride;
import dev.meister.core.schedule.Swap;
import dev.meister.core.schedule.Unavailability;
import dev.meister.core.team.MemberId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** No stored changes yet (no database file): read-only, for one-shot queries. */
final class EmptyOverrideStore implements OverrideStore {
  @Override
  public ScheduleOverride add(ScheduleOverride override) {
    throw readOnly();
  }

  @Override
  public Swap add(Swap swap) {
    throw readOnly();
  }

  @Override
  public Unavailability add(Unavailability unavailability) {
    throw readOnly();
  }

  @Override
  public boolean remove(OverrideId id) {
    return false;
  }

  @Override
  public Optional<ScheduleOverride> findOverride(OverrideId id) {
    return Optional.empty();
  }

  @Override
  public List<ScheduleOverride> overrides(RotationId rotation, Instant from) {
    return List.of();
  }

  @Override
  public List<Swap> swaps(RotationId rotation) {
    return List.of();
  }

  @Override
  public List<Unavailability> unavailability(MemberId member) {
    return List.of();
  }

  @Override
  public List<Unavailability> allUnavailability() {
    return List.of();
  }

  private static UnsupportedOperationException readOnly() {
    return new UnsupportedOperationException("no database is open");
  }
}
