package dev.meister.core.handoff;

import dev.meister.core.schedule.Handover;
import dev.meister.core.schedule.OnCallResolver;
import dev.meister.core.schedule.Position;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The shift boundaries a hand-off happens at: every moment the primary position passes to a
 * different member, whether by the roster, the weekend layer, a swap or an override.
 */
public final class HandoffBoundaries {
  private HandoffBoundaries() {}

  /** The latest boundary in {@code (now - window, now]}; earlier ones there are superseded. */
  public static Optional<Handover> latest(OnCallResolver resolver, Instant now, Duration window) {
    Optional<Handover> last = Optional.empty();
    Optional<Handover> h = after(resolver, now.minus(window));
    while (h.isPresent() && !h.get().at().isAfter(now)) {
      last = h;
      h = after(resolver, h.get().at());
    }
    return last;
  }

  /** The first boundary after {@code t}; empty when the position never changes hands. */
  public static Optional<Handover> after(OnCallResolver resolver, Instant t) {
    return resolver.findNextHandover(Position.PRIMARY, t);
  }

  /** Until when the incoming member of {@code h} holds the position; empty if for good. */
  public static Optional<Instant> until(OnCallResolver resolver, Handover h) {
    return after(resolver, h.at()).map(Handover::at);
  }
}
