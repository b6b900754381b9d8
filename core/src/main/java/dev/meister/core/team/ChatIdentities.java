package dev.meister.core.team;

import org.jspecify.annotations.Nullable;

/**
 * How one member is known in each chat platform; any of them may be absent.
 *
 * @param telegramUsername without the leading {@code @}
 * @param telegramUserId Telegram's numeric user id, which survives username changes
 * @param slackUserId e.g. {@code U024BE7LH}
 * @param discordUserId Discord's snowflake id
 */
public record ChatIdentities(
    @Nullable String telegramUsername,
    @Nullable Long telegramUserId,
    @Nullable String slackUserId,
    @Nullable String discordUserId) {

  public static ChatIdentities none() {
    return new ChatIdentities(null, null, null, null);
  }

  public ChatIdentities {
    if (telegramUsername != null && telegramUsername.startsWith("@")) {
      telegramUsername = telegramUsername.substring(1);
    }
  }
}
