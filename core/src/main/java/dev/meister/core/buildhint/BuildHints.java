package dev.meister.core.buildhint;

import dev.meister.core.alert.Alert;
import dev.meister.core.alert.AlertNotes;
import dev.meister.core.alert.GitHubRun;
import dev.meister.core.chat.RichText;
import java.util.List;
import java.util.Optional;

/**
 * The configured build hints ({@code build_hints}). Those the alert alone matches go on the alert's
 * message, as the pipelines' hints do; those keyed on a failed step or a log pattern are known only
 * once the analysis has read the run's jobs, and go in its reply.
 */
public final class BuildHints implements AlertNotes {
  private final List<BuildHint> hints;

  public BuildHints(List<BuildHint> hints) {
    this.hints = List.copyOf(hints);
  }

  public static BuildHints none() {
    return new BuildHints(List.of());
  }

  @Override
  public void addTo(Alert alert, RichText.Builder text) {
    Optional<GitHubRun> run = alert.gitHubRun();
    if (run.isEmpty()) {
      return;
    }
    for (BuildHint hint : hints) {
      if (hint.matchesAlert(run.get())) {
        text.newline();
        render(hint, text);
      }
    }
  }

  /** The hints the run's failed {@code jobs} match that the alert's message did not show. */
  public List<BuildHint> afterAnalysis(GitHubRun run, List<FailedJob> jobs) {
    return hints.stream().filter(h -> !h.matchesAlert(run) && h.matchesJobs(run, jobs)).toList();
  }

  /** {@code 💡 advice (Runbook)}, on the line the builder is at. */
  public static void render(BuildHint hint, RichText.Builder text) {
    text.text("💡 " + hint.advice());
    hint.runbook().ifPresent(url -> text.text(" (").link("Runbook", url).text(")"));
  }
}
