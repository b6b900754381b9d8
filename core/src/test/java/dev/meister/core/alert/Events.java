package dev.meister.core.alert;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Pipeline events for tests, built from {@code key=value} pairs. */
final class Events {
  private Events() {}

  static RunEvent github(String... pairs) {
    return event(AlertSource.GITHUB_ACTIONS, pairs);
  }

  static RunEvent airflow(String... pairs) {
    return event(AlertSource.AIRFLOW, pairs);
  }

  static RunEvent event(AlertSource source, String... pairs) {
    Map<String, String> attributes = new HashMap<>();
    for (String pair : pairs) {
      int eq = pair.indexOf('=');
      attributes.put(pair.substring(0, eq), pair.substring(eq + 1));
    }
    return new RunEvent(
        source, "test:1", Outcome.FAILED, Instant.parse("2026-11-20T03:00:00Z"), attributes);
  }
}
