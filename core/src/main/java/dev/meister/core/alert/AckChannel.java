package dev.meister.core.alert;

/** How an acknowledgement was given. */
public enum AckChannel {
  BUTTON,
  REPLY,
  COMMAND
}
