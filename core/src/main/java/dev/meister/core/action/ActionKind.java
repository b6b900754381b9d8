package dev.meister.core.action;

import java.util.Arrays;
import java.util.Optional;

/** The runbook actions, by the name a user types ({@code /action clear-downstream}). */
public enum ActionKind {
  /** Airflow: clear the failed task so it runs again. */
  CLEAR("clear", Side.AIRFLOW),
  /**
   * Airflow: clear the failed task and its downstream tasks that failed with it (seed 003: clear
   * "the downstream nodes that have failed due to the upstream failure"), not the ones that
   * succeeded or were skipped.
   */
  CLEAR_DOWNSTREAM("clear-downstream", Side.AIRFLOW),
  /** Airflow: set the failed task to success and clear its failed downstream tasks. */
  MARK_SUCCESS("mark-success", Side.AIRFLOW),
  /** Airflow: clear every failed task of the run. */
  RETRY_RUN("retry-run", Side.AIRFLOW),
  /** Airflow: pause the DAG (seed 000: a last resort, after the team lead's approval). */
  PAUSE("pause", Side.AIRFLOW),
  UNPAUSE("unpause", Side.AIRFLOW),
  /** GitHub Actions: re-run the failed jobs of the workflow run. */
  RERUN_FAILED("rerun-failed", Side.GITHUB),
  /** GitHub Actions: re-run every job of the workflow run. */
  RERUN("rerun", Side.GITHUB),
  /** GitHub Actions: cancel the workflow run. */
  CANCEL("cancel", Side.GITHUB);

  /** Which system an action changes. */
  public enum Side {
    AIRFLOW,
    GITHUB
  }

  private final String command;
  private final Side side;

  ActionKind(String command, Side side) {
    this.command = command;
    this.side = side;
  }

  /** The name in chat and configuration, e.g. {@code mark-success}. */
  public String command() {
    return command;
  }

  public Side side() {
    return side;
  }

  public static Optional<ActionKind> named(String command) {
    return Arrays.stream(values()).filter(k -> k.command.equalsIgnoreCase(command)).findFirst();
  }
}
