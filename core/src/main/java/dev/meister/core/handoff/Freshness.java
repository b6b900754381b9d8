package dev.meister.core.handoff;

/** How current the issue states of a hand-off announcement are. */
public enum Freshness {
  /** Asked from GitHub for the announcement. */
  CURRENT,
  /** GitHub was down or refused: as Meister last saw them, and the message says so. */
  LAST_SEEN,
  /** No tracker is configured (no GitHub token): as Meister last saw them. */
  UNTRACKED
}
