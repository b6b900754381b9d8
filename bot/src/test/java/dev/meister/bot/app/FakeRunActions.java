package dev.meister.bot.app;

import dev.meister.core.action.ActionKind;
import dev.meister.core.action.ActionPreview;
import dev.meister.core.action.ActionResult;
import dev.meister.core.action.ActionTarget;
import dev.meister.core.action.RunActions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;

/**
 * Airflow and GitHub as the action worker sees them, until the real clients are wired in: a preview
 * lists what the run's dry run would touch, an execution says what it changed, unless a failure was
 * queued for the next call. Every call is recorded, so a test can count what was sent; it outlives
 * a restart of the bot, as the real APIs would.
 */
final class FakeRunActions implements RunActions {
  record Call(String what, ActionTarget target, ActionKind kind) {}

  private final List<Call> calls = new ArrayList<>();
  private final Deque<Supplier<RuntimeException>> failures = new ArrayDeque<>();

  @Override
  public synchronized ActionPreview preview(ActionTarget target, ActionKind kind) {
    calls.add(new Call("preview", target, kind));
    if (target instanceof ActionTarget.WorkflowRun w) {
      return new ActionPreview(
          List.of("build (failure)", "lint (success)"),
          "Re-runs 1 failed job of run " + w.runId() + " in " + w.repo());
    }
    ActionTarget.AirflowRun a = (ActionTarget.AirflowRun) target;
    return new ActionPreview(
        List.of("transform [failed]", "load [upstream_failed]"),
        "Clears 2 task instances of run " + a.runId());
  }

  @Override
  public synchronized ActionResult execute(ActionTarget target, ActionKind kind) {
    calls.add(new Call("execute", target, kind));
    if (!failures.isEmpty()) {
      throw failures.poll().get();
    }
    if (target instanceof ActionTarget.WorkflowRun w) {
      return new ActionResult(
          List.of("build"), "Re-ran 1 failed job of run " + w.runId() + " in " + w.repo());
    }
    ActionTarget.AirflowRun a = (ActionTarget.AirflowRun) target;
    return new ActionResult(
        List.of("transform", "load"), "Cleared 2 task instances of run " + a.runId());
  }

  /** The next execution fails with what {@code failure} makes. */
  synchronized void failNextExecution(Supplier<RuntimeException> failure) {
    failures.add(failure);
  }

  synchronized List<Call> executions() {
    return calls.stream().filter(c -> c.what().equals("execute")).toList();
  }

  synchronized List<Call> previews() {
    return calls.stream().filter(c -> c.what().equals("preview")).toList();
  }
}
