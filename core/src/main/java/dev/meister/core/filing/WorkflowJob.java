package dev.meister.core.filing;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One job of a workflow run, as {@code GET /repos/{o}/{r}/actions/runs/{id}/jobs} lists it.
 *
 * @param conclusion {@code success}, {@code failure}, ...; null while running
 * @param steps in order, with their conclusions
 */
public record WorkflowJob(long id, String name, @Nullable String conclusion, List<Step> steps) {
  /** One step of a job. */
  public record Step(String name, @Nullable String conclusion) {}

  public WorkflowJob {
    steps = List.copyOf(steps);
  }

  public boolean failed() {
    return "failure".equals(conclusion) || "timed_out".equals(conclusion);
  }

  /** The first step that failed. */
  public Optional<String> failedStep() {
    return steps.stream()
        .filter(s -> "failure".equals(s.conclusion()) || "timed_out".equals(s.conclusion()))
        .map(Step::name)
        .findFirst();
  }
}
