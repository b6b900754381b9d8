package dev.meister.core.action;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;

/**
 * Airflow and GitHub as the worker sees them, in memory: answers a preview with what a dry run
 * would touch and an execution with what it changed, unless a failure was queued for the next call.
 * Records every call, so a test can count what was sent.
 */
final class FakeRunActions implements RunActions {
  record Call(String what, ActionTarget target, ActionKind kind) {}

  private final List<Call> calls = new ArrayList<>();
  private final Deque<Supplier<RuntimeException>> previewFailures = new ArrayDeque<>();
  private final Deque<Supplier<RuntimeException>> executeFailures = new ArrayDeque<>();

  @Override
  public synchronized ActionPreview preview(ActionTarget target, ActionKind kind) {
    calls.add(new Call("preview", target, kind));
    if (!previewFailures.isEmpty()) {
      throw previewFailures.poll().get();
    }
    return new ActionPreview(
        List.of(
            "transform [failed]",
            "load [upstream_failed]",
            "publish [upstream_failed]",
            "notify [upstream_failed]"),
        "Clears 4 task instances of run " + run(target));
  }

  @Override
  public synchronized ActionResult execute(ActionTarget target, ActionKind kind) {
    calls.add(new Call("execute", target, kind));
    if (!executeFailures.isEmpty()) {
      throw executeFailures.poll().get();
    }
    return new ActionResult(
        List.of("transform", "load", "publish", "notify"),
        "Cleared 4 task instances of run " + run(target));
  }

  /** The next preview fails with what {@code failure} makes. */
  synchronized void failNextPreview(Supplier<RuntimeException> failure) {
    previewFailures.add(failure);
  }

  /** The next execution fails with what {@code failure} makes. */
  synchronized void failNextExecution(Supplier<RuntimeException> failure) {
    executeFailures.add(failure);
  }

  synchronized List<Call> calls() {
    return List.copyOf(calls);
  }

  synchronized List<Call> executions() {
    return calls.stream().filter(c -> c.what().equals("execute")).toList();
  }

  synchronized List<Call> previews() {
    return calls.stream().filter(c -> c.what().equals("preview")).toList();
  }

  private static String run(ActionTarget target) {
    return target instanceof ActionTarget.AirflowRun a
        ? a.runId()
        : Long.toString(((ActionTarget.WorkflowRun) target).runId());
  }
}
