package dev.meister.core.alert;

import dev.meister.core.chat.RichText;

/**
 * Extra lines an alert's message carries, e.g. a pipeline's owners and the hints matching its
 * exception. Applied to the first post and to every edit, so an acknowledgement keeps them.
 */
@FunctionalInterface
public interface AlertNotes {
  /** No extra lines. */
  AlertNotes NONE = (alert, text) -> {};

  /** Appends this alert's notes to {@code text}, each line starting with a line break. */
  void addTo(Alert alert, RichText.Builder text);

  /**
   * {@link #addTo} for an alert stored in the transaction that renders it: what only happens to an
   * alert later (an escalation, an issue, a resolution, an action) cannot have happened yet, so
   * notes about it need not look. Intake renders every new alert inside its transaction, on the
   * writer thread everyone's intake waits for: each lookup left out there counts.
   */
  default void addToNew(Alert alert, RichText.Builder text) {
    addTo(alert, text);
  }

  /**
   * Whether the alert's message pings no one (its mentions shown as names): a pipeline debugged
   * only during work hours, outside them.
   */
  default boolean silences(Alert alert) {
    return false;
  }

  /**
   * {@link #silences} for an alert stored in the transaction that renders it (see {@link
   * #addToNew}): a silence that caught it is told to {@link AlertMessages#newAlert} by the intake
   * that decided it, so notes need not look that up.
   */
  default boolean silencesNew(Alert alert) {
    return silences(alert);
  }

  /** Whether the alert is filed or linked to an issue: its message offers no "File issue". */
  default boolean filed(Alert alert) {
    return false;
  }

  /** Whether the alert is resolved: its message offers no buttons. */
  default boolean resolved(Alert alert) {
    return false;
  }

  /**
   * These notes followed by {@code other}'s; the message is silenced (filed, resolved) when either
   * says so.
   */
  default AlertNotes and(AlertNotes other) {
    AlertNotes first = this;
    return new AlertNotes() {
      @Override
      public void addTo(Alert alert, RichText.Builder text) {
        first.addTo(alert, text);
        other.addTo(alert, text);
      }

      @Override
      public void addToNew(Alert alert, RichText.Builder text) {
        first.addToNew(alert, text);
        other.addToNew(alert, text);
      }

      @Override
      public boolean silences(Alert alert) {
        return first.silences(alert) || other.silences(alert);
      }

      @Override
      public boolean silencesNew(Alert alert) {
        return first.silencesNew(alert) || other.silencesNew(alert);
      }

      @Override
      public boolean filed(Alert alert) {
        return first.filed(alert) || other.filed(alert);
      }

      @Override
      public boolean resolved(Alert alert) {
        return first.resolved(alert) || other.resolved(alert);
      }
    };
  }
}
