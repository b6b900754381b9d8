package dev.meister.core.filing;

/** What a queued issue request asks for. */
public enum IssueRequestKind {
  /** File an issue for the alert, or join the open one with the same root cause. */
  FILE,
  /** Link the alert to a named issue and comment there with the new run. */
  JOIN
}
