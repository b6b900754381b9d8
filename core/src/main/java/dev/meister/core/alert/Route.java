package dev.meister.core.alert;

import dev.meister.core.chat.ChatRef;
import dev.meister.core.schedule.RotationId;
import dev.meister.core.validation.Checks;
import java.util.List;

/**
 * Where matching failures go: the rotation whose on-call is tagged and the chat they are posted to.
 *
 * @param chat where the on-call works: the alert's thread, its follow-ups and digests are there
 * @param mirrors further chats that get a copy of the alert for visibility, kept up to date by
 *     editing as its state changes (seed 001: "mention the failure in #guild-data-eng ... so people
 *     can follow along"); an ack from any of them counts
 * @param priority the level (and tags) every alert on this route gets at least; {@link
 *     PrioritySetting#NONE} leaves it to the {@link PriorityRules}
 */
public record Route(
    String name,
    AlertMatch match,
    RotationId rotation,
    ChatRef chat,
    List<ChatRef> mirrors,
    PrioritySetting priority) {
  public Route {
    Checks.notBlank(name, "route name");
    mirrors = List.copyOf(mirrors);
    Checks.check(!mirrors.contains(chat), "route " + name + " mirrors to its own chat");
  }

  /** A route posting to one chat only. */
  public Route(
      String name, AlertMatch match, RotationId rotation, ChatRef chat, PrioritySetting priority) {
    this(name, match, rotation, chat, List.of(), priority);
  }
}
