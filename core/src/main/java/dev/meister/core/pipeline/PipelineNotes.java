package dev.meister.core.pipeline;

import dev.meister.core.alert.AirflowTask;
import dev.meister.core.alert.Alert;
import dev.meister.core.alert.AlertNotes;
import dev.meister.core.chat.RichText;
import java.util.List;
import java.util.Optional;

/**
 * Under an Airflow alert of a configured pipeline: its owners, the people up- and downstream, the
 * hints whose pattern matches the exception, and its runbooks.
 */
public final class PipelineNotes implements AlertNotes {
  private final List<Pipeline> pipelines;

  public PipelineNotes(List<Pipeline> pipelines) {
    this.pipelines = List.copyOf(pipelines);
  }

  /** The pipeline running {@code dagId}, if one is configured. */
  public Optional<Pipeline> forDag(String dagId) {
    return pipelines.stream().filter(p -> p.dagId().equals(dagId)).findFirst();
  }

  @Override
  public void addTo(Alert alert, RichText.Builder text) {
    Optional<AirflowTask> task = alert.airflowTask();
    Optional<Pipeline> found = task.map(AirflowTask::dagId).flatMap(this::forDag);
    if (found.isEmpty()) {
      return;
    }
    Pipeline p = found.get();
    String about =
        String.join(
            "; ",
            java.util.stream.Stream.of(
                    p.description(), p.runSchedule().map(RunSchedule::text).orElse(""))
                .filter(x -> !x.isBlank())
                .toList());
    text.newline()
        .text("Pipeline " + p.name() + (about.isEmpty() ? "" : " (" + about + ")") + ": owner ")
        .mention(p.primaryOwner());
    if (p.secondaryOwner() != null) {
      text.text(", secondary ").mention(p.secondaryOwner());
    }
    PipelineText.parties("; upstream ", p.upstream(), text);
    PipelineText.parties("; downstream ", p.downstream(), text);
    if (p.onCall().silencesAt(alert.receivedAt())) {
      text.newline().text(quietLine(p, alert));
    }
    for (Hint hint : p.hintsFor(task.flatMap(AirflowTask::exception).orElse(null))) {
      text.newline().text("💡 " + hint.advice());
    }
    for (int i = 0; i < p.runbooks().size(); i++) {
      text.newline()
          .link(p.runbooks().size() == 1 ? "Runbook" : "Runbook " + (i + 1), p.runbooks().get(i));
    }
  }

  /**
   * "Debugged by team during work hours" and "No on-call": such a pipeline's failure pings no one
   * when it comes in outside work hours (or ever, without on-call).
   */
  @Override
  public boolean silences(Alert alert) {
    return alert
        .airflowTask()
        .flatMap(task -> forDag(task.dagId()))
        .map(p -> p.onCall().silencesAt(alert.receivedAt()))
        .orElse(false);
  }

  private static String quietLine(Pipeline p, Alert alert) {
    if (p.onCall() instanceof OnCallPolicy.DuringWorkHours w) {
      return "🔕 Outside work hours: the owners are tagged at "
          + PipelineText.time(w.hours().nextStartAfter(alert.receivedAt()))
          + ".";
    }
    return "🔕 No on-call for this pipeline: the owners check it every week.";
  }
}
