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
  ANSWER,
  /**
   * A copy of the alert in one of its route's mirror chats (seed 001: "mention the failure in
   * #guild-data-eng ... so people can follow along"): replies and buttons on it find the alert and
   * every change of the alert's state edits it, but follow-ups go to the thread in the route's
   * first chat, where the on-call works.
   */
  MIRROR
}
