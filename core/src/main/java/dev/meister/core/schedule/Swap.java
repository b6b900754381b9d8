package dev.meister.core.schedule;

import dev.meister.core.validation.Checks;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Two regular shifts of one layer exchange their members: whoever had the shift starting at {@code
 * firstShiftStart} takes the one starting at {@code secondShiftStart}, and the other way round.
 * Both instants must be shift starts of that layer.
 */
public record Swap(
    @Nullable OverrideId id,
    RotationId rotation,
    SwapLayer layer,
    Instant firstShiftStart,
    Instant secondShiftStart) {

  public Swap {
    Checks.check(
        !firstShiftStart.equals(secondShiftStart), "a shift cannot be swapped with itself");
  }

  public Swap withId(OverrideId newId) {
    return new Swap(newId, rotation, layer, firstShiftStart, secondShiftStart);
  }
}
