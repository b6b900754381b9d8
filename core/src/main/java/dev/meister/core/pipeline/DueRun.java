package dev.meister.core.pipeline;

import dev.meister.core.status.DagRun;
import dev.meister.core.status.RunState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Which runs count for one SLA deadline. "The data should be updated by 3:00 AM UTC" means today's
 * run succeeded by 3:00: with a schedule, the run it made due last before the deadline (or a rerun
 * due after it); without one, any run started since the previous deadline.
 *
 * @param since the first instant a counting run may be due (scheduled) or start (unscheduled)
 * @param scheduled whether {@code since} is a scheduled run's due time
 */
record DueRun(Instant since, boolean scheduled) {

  /**
   * The window for {@code deadline}; empty when the schedule made nothing due since the previous
   * deadline (a weekly DAG on its off days), which the deadline then does not concern.
   */
  static Optional<DueRun> forDeadline(Pipeline p, Sla sla, Instant deadline) {
    Instant previous = sla.latestAtOrBefore(deadline.minusMillis(1));
    Optional<RunSchedule> schedule = p.runSchedule();
    if (schedule.isEmpty()) {
      return Optional.of(new DueRun(previous, false));
    }
    Optional<Instant> due = schedule.get().latestAtOrBefore(deadline);
    Optional<Instant> before = schedule.get().latestAtOrBefore(previous);
    if (due.isEmpty() || due.equals(before)) {
      return Optional.empty();
    }
    return Optional.of(new DueRun(due.get(), true));
  }

  /** The runs among {@code runs} that count, newest first. */
  List<DagRun> counting(List<DagRun> runs) {
    return runs.stream().filter(this::counts).toList();
  }

  private boolean counts(DagRun run) {
    Instant start = run.startDate();
    if (!scheduled) {
      return start != null && !start.isBefore(since);
    }
    Instant due = run.runAfter();
    return due != null ? !due.isBefore(since) : start != null && !start.isBefore(since);
  }

  /** Whether one of the counting runs had succeeded by {@code deadline}. */
  static boolean met(List<DagRun> counting, Instant deadline) {
    return counting.stream()
        .anyMatch(
            r ->
                r.state() == RunState.SUCCESS
                    && (r.endDate() == null || !r.endDate().isAfter(deadline)));
  }
}
