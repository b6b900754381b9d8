package dev.meister.core.action;

import java.util.List;

/**
 * What an action would touch, read without changing anything: for an Airflow clear the task
 * instances of the API's {@code dry_run: true}, for a GitHub re-run the run's jobs.
 *
 * @param items one line each, e.g. {@code transform [failed]} or {@code build (failure)}
 * @param summary one sentence, e.g. "Clears 4 task instances of run scheduled__2026-11-23T03:00"
 */
public record ActionPreview(List<String> items, String summary) {
  public ActionPreview {
    items = List.copyOf(items);
  }
}
