package dev.meister.core.delivery;

/** How a delivered message that belongs to an alert is linked to it. */
public enum LinkKind {
  /**
   * One of the alert's own messages (the post, its copies): replies and buttons on it find the
   * alert, and an acknowledgement edits it to say who took it.
   */
  ALERT,
  /**
   * The bot's answer about the alert, e.g. "Filed #9110": replies to it (such as {@code /resolve})
   * find the alert, but an acknowledgement must not overwrite it with the alert's text.
   */
  ANSWER
}
