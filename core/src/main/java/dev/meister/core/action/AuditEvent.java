package dev.meister.core.action;

import java.util.Locale;

/** One step of an action request, as the audit trail records it. */
public enum AuditEvent {
  REQUESTED,
  PREVIEWED,
  CONFIRMED,
  APPROVED,
  DENIED,
  CANCELLED,
  EXPIRED,
  /** The worker is about to call the API. */
  STARTED,
  /** An outage: the call is tried again later. */
  RETRYING,
  /** Found under way after a restart: sent again. */
  RESUMED,
  EXECUTED,
  FAILED;

  /** The lower-case word of chat, CSV and the database, e.g. {@code approved}. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }
}
