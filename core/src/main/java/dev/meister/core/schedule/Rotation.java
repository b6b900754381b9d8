package dev.meister.core.schedule;

import dev.meister.core.team.MemberId;
import dev.meister.core.validation.Checks;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An on-call rotation: who takes turns (primary and optional Level-2 secondary), for how long, when
 * shifts change hands and where the turn order starts.
 *
 * @param id short name such as {@code dagmeister}
 * @param displayName how chats call it, e.g. {@code DagMeister}
 * @param zone the zone the hand-off moment and dates are read in
 * @param shiftLength how long each primary/secondary shift lasts
 * @param handoff weekday and local time of hand-offs; for day-based shifts whose length is not a
 *     whole number of weeks only the time is used
 * @param anchor the local date member #1 of each roster starts at the hand-off time
 * @param primary the primary roster
 * @param secondary the Level-2 roster, on the same shift boundaries; absent if none
 * @param weekend the weekend layer replacing the primary during its window; absent if none
 * @param unavailabilityPolicy what happens to a shift whose member is away and named no cover
 */
public record Rotation(
    RotationId id,
    String displayName,
    ZoneId zone,
    ShiftLength shiftLength,
    HandoffMoment handoff,
    LocalDate anchor,
    Roster primary,
    @Nullable Roster secondary,
    @Nullable WeekendLayer weekend,
    UnavailabilityPolicy unavailabilityPolicy) {

  public Rotation {
    Checks.notBlank(displayName, "displayName");
    if (shiftLength.unit() == ShiftLength.Unit.DAYS && shiftLength.amount() % 7 == 0) {
      Checks.check(
          anchor.getDayOfWeek() == handoff.day(),
          "rotation '"
              + id
              + "': anchor "
              + anchor
              + " is a "
              + anchor.getDayOfWeek()
              + " but hand-offs are on "
              + handoff.day());
    }
  }

  public Optional<Roster> secondaryRoster() {
    return Optional.ofNullable(secondary);
  }

  public Optional<WeekendLayer> weekendLayer() {
    return Optional.ofNullable(weekend);
  }

  /** Everyone who appears in any layer of this rotation, in roster order. */
  public Set<MemberId> allMembers() {
    Set<MemberId> all = new LinkedHashSet<>(primary.members());
    if (secondary != null) {
      all.addAll(secondary.members());
    }
    if (weekend != null) {
      all.addAll(weekend.roster().members());
    }
    return all;
  }
}
