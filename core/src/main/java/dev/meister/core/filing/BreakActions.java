package dev.meister.core.filing;

import dev.meister.core.chat.AlertId;
import java.util.List;

/** The runbook actions done on an alert's run, one line each, for its post-mortem entry. */
@FunctionalInterface
public interface BreakActions {
  /** None: a log without runbook actions. */
  BreakActions NONE = alert -> List.of();

  List<String> actionsOf(AlertId alert);
}
