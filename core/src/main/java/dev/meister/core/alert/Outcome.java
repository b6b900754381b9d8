package dev.meister.core.alert;

/** How a pipeline run or task ended. */
public enum Outcome {
  FAILED,
  SUCCEEDED
}
