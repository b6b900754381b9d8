package dev.meister.core.schedule;

import dev.meister.core.team.MemberId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** No changes made in chat: the configured ones alone. */
final class NoStoredChanges implements OverrideStore {
  @Override
  public ScheduleOverride add(ScheduleOverride override) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Swap add(Swap swap) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Unavailability add(Unavailability unavailability) {
    throw new UnsupportedOperationException();
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
    return new ArrayList<>();
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
}
