package dev.meister.core.alert;

import java.util.Optional;
import java.util.function.Function;

/**
 * Where a failure or success happened, as its webhook reported it: parsed once at the edge, stored
 * with the alert as such and read back by field, never by name.
 */
public sealed interface AlertOrigin permits GitHubRun, AirflowTask {
  AlertSource source();

  /** The page that shows the failure: the run (or job) on GitHub, the task's log on Airflow. */
  Optional<String> pageUrl();

  /**
   * The one of {@code github} and {@code airflow} that fits this origin, applied to it; a switch
   * over every kind that the compiler checks (Java 17 has no pattern switch).
   */
  <T> T match(Function<GitHubRun, T> github, Function<AirflowTask, T> airflow);
}
