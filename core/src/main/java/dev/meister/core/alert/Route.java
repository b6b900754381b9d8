package dev.meister.core.alert;

import dev.meister.core.chat.ChatRef;
import dev.meister.core.schedule.RotationId;
import dev.meister.core.validation.Checks;

/**
 * Where matching failures go: the rotation whose on-call is tagged and the chat they are posted to.
 *
 * @param priority the level (and tags) every alert on this route gets at least; {@link
 *     PrioritySetting#NONE} leaves it to the {@link PriorityRules}
 */
public record Route(
    String name, AlertMatch match, RotationId rotation, ChatRef chat, PrioritySetting priority) {
  public Route {
    Checks.notBlank(name, "route name");
  }
}
