package dev.meister.bot.app;

import dev.meister.core.action.ActionKind;
import dev.meister.core.action.ActionPreview;
import dev.meister.core.action.ActionRefusedException;
import dev.meister.core.action.ActionResult;
import dev.meister.core.action.ActionTarget;
import dev.meister.core.action.RunActions;

/**
 * The runbook actions until the Airflow and GitHub action clients are wired in: every preview and
 * execution is refused (501, "not implemented") with a message saying so, so a request ends at once
 * with that answer in the chat and nothing is ever sent.
 */
final class UnwiredRunActions implements RunActions {
  static final String WHY = "runbook actions need the Airflow/GitHub action clients";

  @Override
  public ActionPreview preview(ActionTarget target, ActionKind kind) {
    throw new ActionRefusedException(501, WHY);
  }

  @Override
  public ActionResult execute(ActionTarget target, ActionKind kind) {
    throw new ActionRefusedException(501, WHY);
  }
}
