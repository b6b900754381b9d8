package dev.meister.core.escalation;

import dev.meister.core.alert.Alert;
import dev.meister.core.team.Team;

/** An alert someone escalated by hand and nobody has resolved yet: open work to hand over. */
public record EscalatedAlert(Alert alert, Escalation escalation) {
  /** "1 (Build fail - …) to Carol Lee (Level 2) by Alice Doe: NOTE", names without mentions. */
  public String describe(Team team) {
    return new HelpMessages(team).summary(alert, escalation);
  }
}
