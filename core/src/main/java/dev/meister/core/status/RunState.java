package dev.meister.core.status;

import java.util.Locale;

/** The state of a whole DAG run; the same four in Airflow 2 and 3. */
public enum RunState {
  QUEUED,
  RUNNING,
  SUCCESS,
  FAILED;

  /** Reads Airflow's spelling; an unknown one is taken as running, i.e. not final. */
  public static RunState parse(String airflow) {
    try {
      return valueOf(airflow.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException unknown) {
      return RUNNING;
    }
  }

  public boolean isFinal() {
    return this == SUCCESS || this == FAILED;
  }

  public String airflowName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
