package dev.meister.core.pipeline;

import dev.meister.core.chat.OutgoingMessage;
import dev.meister.core.chat.RichText;
import dev.meister.core.status.DagRun;
import dev.meister.core.status.RunState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The messages of a data SLA: missed, or not checkable. */
final class SlaMessages {
  private SlaMessages() {}

  /**
   * @param counting the runs that counted for the deadline, newest first
   * @param latest the DAG's latest run, read when none counted
   */
  static OutgoingMessage missed(
      Pipeline p, DueRun window, List<DagRun> counting, Optional<DagRun> latest) {
    RichText.Builder t =
        RichText.builder()
            .emoji("hourglass")
            .bold(" SLA missed: " + p.name())
            .text(" (DAG " + p.dagId() + ") should have its data by " + p.sla() + "; ");
    if (!counting.isEmpty()) {
      DagRun run = counting.get(0);
      Instant ended = run.endDate();
      if (run.state() == RunState.SUCCESS && ended != null) {
        t.text(
            "today's run " + run.runId() + " succeeded only at " + PipelineText.time(ended) + ".");
      } else {
        t.text("today's run " + run.runId() + " is " + run.state().airflowName() + ".");
      }
    } else {
      t.text(
          latest
              .map(r -> "no run since " + r.runId() + " (" + r.state().airflowName() + ")")
              .orElse("the DAG has no runs"));
      t.text(
          window.scheduled()
              ? ": the run due at " + PipelineText.time(window.since()) + " has not started."
              : ": none started since " + PipelineText.time(window.since()) + ".");
    }
    return OutgoingMessage.of(PipelineText.owners(p, t).build());
  }

  static OutgoingMessage unknown(Pipeline p, String why) {
    RichText.Builder t =
        RichText.builder()
            .emoji("warning")
            .text(
                " Could not check the SLA of "
                    + p.name()
                    + " (DAG "
                    + p.dagId()
                    + ", due "
                    + p.sla()
                    + "): "
                    + why
                    + ".");
    return OutgoingMessage.of(PipelineText.owners(p, t).build());
  }
}
