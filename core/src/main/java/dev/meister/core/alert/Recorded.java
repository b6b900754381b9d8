package dev.meister.core.alert;

import dev.meister.core.chat.AlertId;

/**
 * The result of recording an alert: the stored alert, and whether this call created it ({@code
 * false} for a repeated delivery, which must not be posted again).
 */
public record Recorded(Alert alert, boolean created) {
  public Recorded {
    alert.storedId();
  }

  /** The stored alert's id. */
  public AlertId id() {
    return alert.storedId();
  }
}
