package dev.meister.core.escalation;

import java.time.Instant;

/**
 * One rung of an alert's escalation ladder.
 *
 * @param number from 1
 */
public record EscalationStep(int number, Target target, Instant dueAt) {
  /** Who is tagged at this step. */
  public enum Target {
    /** The rotation's Level-2 on-call. */
    SECONDARY,
    /** The team lead(s). */
    TEAM_LEAD
  }
}
