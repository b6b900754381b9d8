package dev.meister.core.action;

import dev.meister.core.alert.Alert;
import dev.meister.core.alert.AlertNotes;
import dev.meister.core.chat.RichText;

/**
 * The actions done on an alert's run, one line each on the alert's message ("🛠 Cleared 4 task
 * instances of run … (Bob Stone, approved by Alice Doe)"), so the message shows the run's new
 * state.
 */
public final class ActionNotes implements AlertNotes {
  private final ActionStore store;
  private final ActionMessages messages;

  public ActionNotes(ActionStore store, ActionMessages messages) {
    this.store = store;
    this.messages = messages;
  }

  @Override
  public void addTo(Alert alert, RichText.Builder text) {
    // A new alert has no id yet and no actions.
    if (alert.id() == null) {
      return;
    }
    for (ActionRequest r : store.forAlert(alert.storedId())) {
      if (r.state() == ActionState.DONE) {
        messages.line(text, r);
      }
    }
  }

  @Override
  public void addToNew(Alert alert, RichText.Builder text) {
    // No action can have been asked for on an alert not yet posted.
  }
}
