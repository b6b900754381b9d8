package dev.meister.core.chat;

import org.jspecify.annotations.Nullable;

/**
 * Who sent an inbound event, as the platform knows them; the bot maps it to a team member.
 *
 * @param userId the platform's stable user id
 * @param username Telegram username (without {@code @}) or Slack/Discord handle, if any
 */
public record Sender(
    Platform platform, String userId, @Nullable String username, String displayName) {}
