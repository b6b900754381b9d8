package dev.meister.core.status;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Decides each stage's state from the run's task instances. A stage's tasks are every instance
 * matching its selectors, so a mapped task counts with all its instances: calculated means every
 * instance is done.
 */
public final class StageRules {
  /** Tasks that failed themselves come before those that failed because of them. */
  private static final Comparator<TaskRun> FAILURES_FIRST =
      Comparator.comparing((TaskRun t) -> t.state() == TaskState.UPSTREAM_FAILED ? 1 : 0);

  private StageRules() {}

  public static StatusReport evaluate(
      StatusBoard board, DagRun run, List<TaskRun> tasks, Instant observedAt) {
    List<StageStatus> stages = new ArrayList<>();
    for (Stage stage : board.stages()) {
      stages.add(evaluate(stage, tasks));
    }
    return new StatusReport(board, run, stages, observedAt);
  }

  static StageStatus evaluate(Stage stage, List<TaskRun> tasks) {
    List<TaskRun> calculate = matching(stage.calculate(), tasks);
    List<TaskRun> load = matching(stage.load(), tasks);
    List<TaskRun> all = new ArrayList<>(calculate);
    all.addAll(load);
    int done = (int) all.stream().filter(t -> t.state().isDone()).count();
    if (calculate.isEmpty() || (stage.hasLoad() && load.isEmpty())) {
      return new StageStatus(stage, StageState.NO_TASKS, List.of(), done, all.size());
    }
    List<TaskRun> failures =
        all.stream().filter(t -> t.state().isFailed()).sorted(FAILURES_FIRST).toList();
    return new StageStatus(stage, state(calculate, load, failures), failures, done, all.size());
  }

  private static StageState state(
      List<TaskRun> calculate, List<TaskRun> load, List<TaskRun> failures) {
    if (!failures.isEmpty()) {
      return StageState.FAILED;
    }
    boolean calculated = calculate.stream().allMatch(t -> t.state().isDone());
    if (calculated) {
      // With no load task this is "calculated and loaded": there is nothing to load.
      return load.stream().allMatch(t -> t.state().isDone())
          ? StageState.LOADED
          : StageState.LOADING;
    }
    boolean begun = calculate.stream().anyMatch(t -> t.state().isActive() || t.state().isDone());
    return begun ? StageState.CALCULATING : StageState.NOT_STARTED;
  }

  private static List<TaskRun> matching(List<TaskSelector> selectors, List<TaskRun> tasks) {
    return tasks.stream()
        .filter(t -> selectors.stream().anyMatch(s -> s.matches(t.taskId())))
        .toList();
  }
}
