package dev.meister.core.action;

import java.util.List;

/**
 * What an executed action changed.
 *
 * @param items one line per task instance or job changed
 * @param summary one sentence in the past tense, e.g. "Cleared 4 task instances of run
 *     scheduled__2026-11-23T03:00"
 */
public record ActionResult(List<String> items, String summary) {
  public ActionResult {
    items = List.copyOf(items);
  }
}
