package dev.meister.core.schedule;

/** Which cadence of shifts a swap exchanges. */
public enum SwapLayer {
  /** The weekday (or round-the-clock) primary shifts. */
  PRIMARY,
  /** The Level-2 shifts. */
  SECONDARY,
  /** The weekend-window shifts. */
  WEEKEND
}
