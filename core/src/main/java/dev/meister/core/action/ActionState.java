package dev.meister.core.action;

/**
 * Where a runbook action request stands. {@code REQUESTED → PREVIEWED → (APPROVAL_PENDING →)
 * APPROVED → EXECUTING → DONE}; it may end {@code FAILED}, {@code CANCELLED}, {@code DENIED} or
 * {@code EXPIRED} on the way.
 */
public enum ActionState {
  /** Stored; the worker has yet to read the preview. */
  REQUESTED,
  /** The preview is posted; the requester has yet to confirm. */
  PREVIEWED,
  /** Confirmed; an approver has yet to approve. */
  APPROVAL_PENDING,
  /** Approved (or needing no approval); the worker has yet to execute it. */
  APPROVED,
  /** The worker is calling the API; if the bot dies now the call may or may not have happened. */
  EXECUTING,
  DONE,
  /** The API refused (preview or execution), or stayed unavailable through every retry. */
  FAILED,
  CANCELLED,
  DENIED,
  EXPIRED;

  /** Whether the request still waits for a person: confirmation or approval, so it can expire. */
  public boolean expires() {
    return this == REQUESTED || this == PREVIEWED || this == APPROVAL_PENDING;
  }

  /** Whether nothing more will happen to the request. */
  public boolean finished() {
    return this == DONE || this == FAILED || this == CANCELLED || this == DENIED || this == EXPIRED;
  }
}
