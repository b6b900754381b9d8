package dev.meister.core.chat;

import dev.meister.core.validation.Checks;
import org.jspecify.annotations.Nullable;

/**
 * A conversation the bot posts to: a Telegram chat (and forum topic), a Slack channel (and thread),
 * a Discord channel (or thread), or the console.
 *
 * @param chatId the platform's chat/channel id
 * @param threadId Telegram {@code message_thread_id}, Slack {@code thread_ts}; absent for the main
 *     conversation
 */
public record ChatRef(Platform platform, String chatId, @Nullable String threadId) {
  public ChatRef {
    Checks.notBlank(chatId, "chatId");
  }

  public static ChatRef of(Platform platform, String chatId) {
    return new ChatRef(platform, chatId, null);
  }

  @Override
  public String toString() {
    return platform.name().toLowerCase(java.util.Locale.ROOT)
        + ":"
        + chatId
        + (threadId == null ? "" : "/" + threadId);
  }
}
