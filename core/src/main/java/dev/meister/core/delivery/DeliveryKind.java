package dev.meister.core.delivery;

/** What a queued message asks the chat to do. */
public enum DeliveryKind {
  /** A new message in the chat; for an alert, composed when it is sent. */
  POST,
  /** A message under {@code target}. */
  REPLY,
  /** Replace the text of {@code target}. */
  EDIT
}
