package dev.meister.core.filing;

/** What a queued issue request asks for. */
public enum IssueRequestKind {
  /** File an issue for the alert, or join the open one with the same root cause. */
  FILE,
  /** Link the alert to a named issue and comment there with the new run. */
  JOIN,
  /**
   * Read a new build failure's logs: if its root cause has an open issue, say so under the alert.
   * Nobody asked, so it answers only when it finds something.
   */
  ANALYSE,
  /** Add an assignee to the alert's issue ({@code /assign}). */
  ASSIGN
}
