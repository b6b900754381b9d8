package dev.meister.core.status;

/**
 * Where a stage stands, with the emoji the post shows for it (Slack short names) and the words seed
 * 001's example post puts after the bold stage name ("✅ *Contracts* were calculated and loaded").
 * Stage names are plural there ("Contracts", "Other datasets"), so the words are too.
 */
public enum StageState {
  /** A calculate or load task failed, or cannot run because something upstream failed. */
  FAILED("fire", "failed"),
  /** Every calculate and load task succeeded. */
  LOADED("white_check_mark", "were calculated and loaded"),
  /** Calculated; the load tasks have not all succeeded yet. */
  LOADING("fast_forward", "were calculated and are being loaded"),
  /** Calculation has begun (queued, running, retrying, or some mapped instances done). */
  CALCULATING("arrow_forward", "are being calculated"),
  /** Nothing of it has started. */
  NOT_STARTED("x", "have to be calculated"),
  /** The run has no task the stage names: a renamed task or a typo in the configuration. */
  NO_TASKS("warning", "no such task in this run");

  private final String emoji;
  private final String label;

  StageState(String emoji, String label) {
    this.emoji = emoji;
    this.label = label;
  }

  public String emoji() {
    return emoji;
  }

  /** What the post says after the stage name. */
  public String label() {
    return label;
  }

  /** Whether the stage will not change again without someone acting. */
  public boolean isFinal() {
    return this == LOADED || this == FAILED || this == NO_TASKS;
  }
}
