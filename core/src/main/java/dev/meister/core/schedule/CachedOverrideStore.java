package dev.meister.core.schedule;

import dev.meister.core.team.MemberId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Keeps the schedule changes in memory, because every alert asks who is on call and the changes are
 * few and rarely written. Every write goes through this store and clears the copy, so a change made
 * in chat shows at once. One process owns the database (SQLite); a store shared by several
 * processes would need expiry as well.
 */
public final class CachedOverrideStore implements OverrideStore {
  private final OverrideStore delegate;
  private final Map<RotationId, List<ScheduleOverride>> overrides = new ConcurrentHashMap<>();
  private final Map<RotationId, List<Swap>> swaps = new ConcurrentHashMap<>();
  private volatile @Nullable List<Unavailability> unavailability;

  public CachedOverrideStore(OverrideStore delegate) {
    this.delegate = delegate;
  }

  @Override
  public ScheduleOverride add(ScheduleOverride override) {
    try {
      return delegate.add(override);
    } finally {
      clear();
    }
  }

  @Override
  public Swap add(Swap swap) {
    try {
      return delegate.add(swap);
    } finally {
      clear();
    }
  }

  @Override
  public Unavailability add(Unavailability u) {
    try {
      return delegate.add(u);
    } finally {
      clear();
    }
  }

  @Override
  public boolean remove(OverrideId id) {
    try {
      return delegate.remove(id);
    } finally {
      clear();
    }
  }

  private void clear() {
    overrides.clear();
    swaps.clear();
    unavailability = null;
  }

  @Override
  public Optional<ScheduleOverride> findOverride(OverrideId id) {
    return delegate.findOverride(id);
  }

  @Override
  public List<ScheduleOverride> overrides(RotationId rotation, Instant from) {
    List<ScheduleOverride> all =
        overrides.computeIfAbsent(rotation, r -> delegate.overrides(r, Instant.EPOCH));
    return all.stream().filter(o -> o.end().isAfter(from)).toList();
  }

  @Override
  public List<Swap> swaps(RotationId rotation) {
    return swaps.computeIfAbsent(rotation, delegate::swaps);
  }

  @Override
  public List<Unavailability> unavailability(MemberId member) {
    return allUnavailability().stream().filter(u -> u.member().equals(member)).toList();
  }

  @Override
  public List<Unavailability> allUnavailability() {
    List<Unavailability> cached = unavailability;
    if (cached == null) {
      cached = List.copyOf(delegate.allUnavailability());
      unavailability = cached;
    }
    return cached;
  }
}
