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
   * Whether the alert's message pings no one (its mentions shown as names): a pipeline debugged
   * only during work hours, outside them.
   */
  default boolean silences(Alert alert) {
    return false;
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
      public boolean silences(Alert alert) {
        return first.silences(alert) || other.silences(alert);
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
