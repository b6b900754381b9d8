package dev.meister.core.pipeline;

import dev.meister.core.alert.AirflowTask;
import dev.meister.core.alert.Alert;
import dev.meister.core.alert.AlertNotes;
import dev.meister.core.chat.RichText;
import dev.meister.core.team.MemberId;
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
            java.util.stream.Stream.of(p.description(), p.schedule())
                .filter(x -> !x.isBlank())
                .toList());
    text.newline()
        .text("Pipeline " + p.name() + (about.isEmpty() ? "" : " (" + about + ")") + ": owner ")
        .mention(p.primaryOwner());
    if (p.secondaryOwner() != null) {
      text.text(", secondary ").mention(p.secondaryOwner());
    }
    people(text, "; upstream ", p.upstream());
    people(text, "; downstream ", p.downstream());
    for (Hint hint : p.hintsFor(task.flatMap(AirflowTask::exception).orElse(null))) {
      text.newline().text("💡 " + hint.advice());
    }
    for (int i = 0; i < p.runbooks().size(); i++) {
      text.newline()
          .link(p.runbooks().size() == 1 ? "Runbook" : "Runbook " + (i + 1), p.runbooks().get(i));
    }
  }

  private static void people(RichText.Builder text, String label, List<MemberId> members) {
    if (members.isEmpty()) {
      return;
    }
    text.text(label);
    for (int i = 0; i < members.size(); i++) {
      text.text(i == 0 ? "" : ", ").mention(members.get(i));
    }
  }
}
