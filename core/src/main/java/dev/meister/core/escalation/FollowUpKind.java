package dev.meister.core.escalation;

/** The kinds of timed follow-up an alert can get. */
public enum FollowUpKind {
  /** A step up the ladder: secondary, then team lead. */
  ESCALATION,
  /** "Fix it or revert": the build is still red. */
  FIX_OR_REVERT
}
