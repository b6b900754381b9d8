package dev.meister.core.schedule;

import dev.meister.core.team.MemberId;
import dev.meister.core.validation.Checks;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A member is away on these dates (inclusive, read in each rotation's zone) in every rotation.
 * Their shifts go to {@code coveredBy} when set, otherwise as the rotation's unavailability policy
 * says.
 */
public record Unavailability(
    @Nullable OverrideId id,
    MemberId member,
    LocalDate firstDay,
    LocalDate lastDay,
    @Nullable MemberId coveredBy,
    @Nullable String reason) {

  public Unavailability {
    Checks.check(!lastDay.isBefore(firstDay), "an absence must not end before it starts");
    Checks.check(!member.equals(coveredBy), member + " cannot cover for themselves");
  }

  public Unavailability withId(OverrideId newId) {
    return new Unavailability(newId, member, firstDay, lastDay, coveredBy, reason);
  }
}
