package dev.meister.core.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The team's rotations, in configured order, each resolvable against the schedule changes stored so
 * far. "Now" comes from the injected clock.
 */
public final class OnCallDirectory {
  /** Overrides that ended this long ago no longer matter to any query we answer. */
  private static final Duration HISTORY = Duration.ofDays(62);

  private final Map<RotationId, Rotation> rotations;
  private final OverrideStore overrides;
  private final ScheduleChanges configured;
  private final Clock clock;

  /**
   * @param configured changes written in the configuration file; changes made in chat and stored
   *     are applied after them, so the newer ones win where they overlap
   */
  public OnCallDirectory(
      List<Rotation> rotations, OverrideStore overrides, ScheduleChanges configured, Clock clock) {
    Map<RotationId, Rotation> byId = new LinkedHashMap<>();
    for (Rotation r : rotations) {
      byId.put(r.id(), r);
    }
    this.rotations = java.util.Collections.unmodifiableMap(byId);
    this.overrides = overrides;
    this.configured = configured;
    this.clock = clock;
  }

  public List<Rotation> rotations() {
    return List.copyOf(rotations.values());
  }

  public Optional<Rotation> find(RotationId id) {
    return Optional.ofNullable(rotations.get(id));
  }

  /** Finds a rotation by id or display name, case-insensitively, as people type it. */
  public Optional<Rotation> findByName(String name) {
    String wanted = name.trim().toLowerCase(java.util.Locale.ROOT);
    return rotations.values().stream()
        .filter(
            r ->
                r.id().value().equals(wanted)
                    || r.displayName().toLowerCase(java.util.Locale.ROOT).equals(wanted))
        .findFirst();
  }

  public Instant now() {
    return clock.instant();
  }

  /** A resolver seeing every change stored up to now that can affect {@code from} onwards. */
  public OnCallResolver resolver(Rotation rotation, Instant from) {
    ScheduleChanges stored = overrides.changesFor(rotation.id(), from.minus(HISTORY));
    return new OnCallResolver(rotation, configuredFor(rotation).followedBy(stored));
  }

  private ScheduleChanges configuredFor(Rotation rotation) {
    return new ScheduleChanges(
        configured.overrides().stream().filter(o -> o.rotation().equals(rotation.id())).toList(),
        configured.swaps().stream().filter(s -> s.rotation().equals(rotation.id())).toList(),
        configured.unavailability());
  }
}
