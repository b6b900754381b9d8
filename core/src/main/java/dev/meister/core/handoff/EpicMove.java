package dev.meister.core.handoff;

import dev.meister.core.validation.Checks;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Where moving the rotation's epic to the incoming member stands, after a hand-off completed.
 *
 * @param attempts calls made so far
 * @param nextAttemptAt when to try (again), while {@link State#PENDING}
 * @param error what GitHub (or the configuration) said the last time it failed
 */
public record EpicMove(
    State state, int attempts, @Nullable Instant nextAttemptAt, @Nullable String error) {
  /** Gives up after this many calls; GitHub outages longer than the back-off are reported. */
  public static final int MAX_ATTEMPTS = 6;

  /** The lifecycle: NONE until completion, then PENDING until DONE or FAILED. */
  public enum State {
    /** Nothing to move (yet): the hand-off is not complete, or the rotation has no epic. */
    NONE,
    PENDING,
    DONE,
    FAILED
  }

  public EpicMove {
    Checks.check(attempts >= 0, "attempts must not be negative");
    Checks.check(
        state != State.PENDING || nextAttemptAt != null,
        "a pending epic move needs its next attempt time");
  }

  public static EpicMove none() {
    return new EpicMove(State.NONE, 0, null, null);
  }

  public static EpicMove pending(Instant at) {
    return new EpicMove(State.PENDING, 0, at, null);
  }

  public EpicMove done() {
    return new EpicMove(State.DONE, attempts + 1, null, null);
  }

  /** After a failed call: tried again later with growing pauses, unless it cannot succeed. */
  public EpicMove failed(String why, boolean retryable, Instant now) {
    int made = attempts + 1;
    if (!retryable || made >= MAX_ATTEMPTS) {
      return new EpicMove(State.FAILED, made, null, why);
    }
    // 1, 4, 16, 64, 256 minutes: about six hours of GitHub trouble before we give up.
    Duration pause = Duration.ofMinutes(1L << (2 * (made - 1)));
    return new EpicMove(State.PENDING, made, now.plus(pause), why);
  }

  public boolean isDueAt(Instant now) {
    return state == State.PENDING && nextAttemptAt != null && !nextAttemptAt.isAfter(now);
  }
}
