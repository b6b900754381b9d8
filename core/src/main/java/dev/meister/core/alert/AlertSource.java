package dev.meister.core.alert;

/** Where an alert came from. */
public enum AlertSource {
  GITHUB_ACTIONS,
  AIRFLOW
}
