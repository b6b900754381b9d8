package dev.meister.core.handoff;

/** Where a hand-off handshake stands. */
public enum HandoffState {
  /** The boundary came; nobody confirmed yet. */
  PENDING,
  /** The outgoing member confirmed; waiting for the incoming one. */
  OUTGOING_CONFIRMED,
  /** The incoming member accepted; waiting for the outgoing one. */
  INCOMING_CONFIRMED,
  /** Both confirmed. */
  COMPLETE
}
