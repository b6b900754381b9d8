package dev.meister.core.action;

import dev.meister.core.alert.Alert;
import dev.meister.core.alert.AlertButtons;
import dev.meister.core.chat.Button;
import dev.meister.core.chat.ButtonAction;
import dev.meister.core.chat.EmojiNames;
import java.util.List;

/** "🛠 Actions" on the messages of alerts whose route or pipeline allows a runbook action. */
public final class ActionAlertButtons implements AlertButtons {
  private final ActionPolicies policies;

  public ActionAlertButtons(ActionPolicies policies) {
    this.policies = policies;
  }

  @Override
  public List<Button> buttonsFor(Alert alert) {
    if (policies.allowedFor(alert).isEmpty()) {
      return List.of();
    }
    return List.of(
        new Button(
            EmojiNames.unicode("hammer_and_wrench") + " Actions",
            new ButtonAction.ShowActions(alert.storedId().value())));
  }
}
