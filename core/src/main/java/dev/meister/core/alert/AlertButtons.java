package dev.meister.core.alert;

import dev.meister.core.chat.Button;
import java.util.List;

/**
 * Buttons an alert's message carries beyond its own, e.g. "🛠 Actions" where its route allows
 * runbook actions. Unlike the alert's own buttons they stay when someone takes the alert: the
 * person looking into it is the one who needs them.
 */
@FunctionalInterface
public interface AlertButtons {
  /** No extra buttons. */
  AlertButtons NONE = alert -> List.of();

  /** The extra buttons of a stored alert. */
  List<Button> buttonsFor(Alert alert);
}
