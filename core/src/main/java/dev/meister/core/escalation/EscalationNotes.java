package dev.meister.core.escalation;

import dev.meister.core.alert.Alert;
import dev.meister.core.alert.AlertContext;
import dev.meister.core.alert.AlertNotes;
import dev.meister.core.chat.RichText;
import dev.meister.core.schedule.OnCallDirectory;
import dev.meister.core.team.Team;

/**
 * The alert's notes plus, once someone escalated it, who pulled in whom and why. Applied to every
 * rendering of the alert, so an acknowledgement's edit keeps the escalation line and the other way
 * round.
 */
public final class EscalationNotes implements AlertNotes {
  private final AlertNotes notes;
  private final EscalationStore escalations;
  private final AlertContext context;
  private final HelpMessages messages;

  public EscalationNotes(
      AlertNotes notes, EscalationStore escalations, OnCallDirectory directory, Team team) {
    this.notes = notes;
    this.escalations = escalations;
    this.context = new AlertContext(directory);
    this.messages = new HelpMessages(team);
  }

  @Override
  public void addTo(Alert alert, RichText.Builder text) {
    notes.addTo(alert, text);
    // A new alert has no id yet and cannot have been escalated.
    if (alert.id() != null) {
      escalations
          .escalationOf(alert.storedId())
          .ifPresent(e -> messages.line(text, e, context.zone(alert)));
    }
  }

  @Override
  public void addToNew(Alert alert, RichText.Builder text) {
    notes.addToNew(alert, text); // nobody can have escalated it yet
  }

  @Override
  public boolean silences(Alert alert) {
    return notes.silences(alert);
  }

  @Override
  public boolean silencesNew(Alert alert) {
    return notes.silencesNew(alert);
  }

  @Override
  public boolean filed(Alert alert) {
    return notes.filed(alert);
  }

  @Override
  public boolean resolved(Alert alert) {
    return notes.resolved(alert);
  }
}
