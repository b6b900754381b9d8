package dev.meister.core.schedule;

/** The on-call slot a member fills. */
public enum Position {
  /** First to be tagged on alerts; the weekend on-call fills it during the weekend window. */
  PRIMARY,
  /** Level 2: the escalation target behind the primary. */
  SECONDARY
}
