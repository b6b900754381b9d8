package dev.meister.core.handoff;

import java.time.Instant;
import java.util.Optional;

/** The timed follow-ups of an unconfirmed hand-off, decided from the record and the policy. */
public enum FollowUp {
  NONE,
  /** Remind both members. */
  REMIND,
  /** Tag the team lead (a late start also counts as the reminder). */
  ESCALATE;

  /** The follow-up due at {@code now}, that has not been sent yet. */
  public static FollowUp dueAt(HandoffRecord r, HandoffPolicy policy, Instant now) {
    if (r.isComplete()) {
      return NONE;
    }
    if (r.escalatedAt() == null && !now.isBefore(r.boundary().plus(policy.escalateAfter()))) {
      return ESCALATE;
    }
    if (r.remindedAt() == null && !now.isBefore(r.boundary().plus(policy.remindAfter()))) {
      return REMIND;
    }
    return NONE;
  }

  /** When the next follow-up of {@code r} falls due; empty when none is left. */
  public static Optional<Instant> next(HandoffRecord r, HandoffPolicy policy) {
    if (r.isComplete() || r.escalatedAt() != null) {
      return Optional.empty();
    }
    if (r.remindedAt() == null) {
      return Optional.of(r.boundary().plus(policy.remindAfter()));
    }
    return Optional.of(r.boundary().plus(policy.escalateAfter()));
  }
}
