package dev.meister.core.escalation;

import dev.meister.core.alert.Alert;
import dev.meister.core.escalation.EscalationStep.Target;
import dev.meister.core.validation.Checks;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Who an unacknowledged alert escalates to, and when: after {@code ackTimeout} the secondary (Level
 * 2), after another {@code ackTimeout} the team lead. An alert at the scale's highest level (seed
 * 001: "Stop everything and pull in other people") escalates straight to the lead; so does a
 * rotation without a Level 2. An acknowledgement stops the ladder (the caller stops asking).
 */
public final class EscalationLadder {
  private final List<EscalationStep> steps;

  public EscalationLadder(Alert alert, Duration ackTimeout, boolean hasSecondary) {
    this(alert, ackTimeout, hasSecondary, alert.receivedAt());
  }

  /**
   * @param start when the ladder's clock starts: the alert's arrival, or the end of its snooze (a
   *     snoozed alert comes back to the on-call then, who gets a full timeout again)
   */
  public EscalationLadder(Alert alert, Duration ackTimeout, boolean hasSecondary, Instant start) {
    Checks.check(!ackTimeout.isNegative() && !ackTimeout.isZero(), "ack_timeout must be positive");
    List<Target> targets =
        alert.priority().urgent() || !hasSecondary
            ? List.of(Target.TEAM_LEAD)
            : List.of(Target.SECONDARY, Target.TEAM_LEAD);
    List<EscalationStep> all = new ArrayList<>();
    for (int i = 0; i < targets.size(); i++) {
      all.add(
          new EscalationStep(i + 1, targets.get(i), start.plus(ackTimeout.multipliedBy(i + 1L))));
    }
    this.steps = List.copyOf(all);
  }

  public List<EscalationStep> steps() {
    return steps;
  }

  /**
   * The step to take at {@code now} after {@code lastTaken} steps: the highest one due, so a bot
   * that was down jumps to where the ladder stands instead of replaying it.
   */
  public Optional<EscalationStep> dueAt(Instant now, int lastTaken) {
    EscalationStep due = null;
    for (EscalationStep s : steps) {
      if (s.number() > lastTaken && !s.dueAt().isAfter(now)) {
        due = s;
      }
    }
    return Optional.ofNullable(due);
  }

  /** When the next step after {@code lastTaken} falls due; empty at the top of the ladder. */
  public Optional<Instant> nextAfter(int lastTaken) {
    return steps.stream()
        .filter(s -> s.number() > lastTaken)
        .findFirst()
        .map(EscalationStep::dueAt);
  }
}
