package dev.meister.core.chat;

import dev.meister.core.validation.Checks;

/** One message in one conversation, as the platform identifies it (Slack: its {@code ts}). */
public record MessageRef(ChatRef chat, String messageId) {
  public MessageRef {
    Checks.notBlank(messageId, "messageId");
  }
}
