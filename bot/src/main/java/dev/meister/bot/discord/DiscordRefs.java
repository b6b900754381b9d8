package dev.meister.bot.discord;

import java.util.Optional;

/**
 * Message ids in Discord: a real message is its snowflake; a slash command or button press, which
 * is answered through the interaction, is {@code interaction:<application id>:<token>} so replies
 * go out as the interaction's follow-ups (the token is valid for 15 minutes).
 */
final class DiscordRefs {
  static final String INTERACTION = "interaction:";

  private DiscordRefs() {}

  static String interaction(String applicationId, String token) {
    return INTERACTION + applicationId + ":" + token;
  }

  /** {@code webhooks/<application id>/<token>} for an interaction ref, else empty. */
  static Optional<String> webhookPath(String id) {
    if (!id.startsWith(INTERACTION)) {
      return Optional.empty();
    }
    String rest = id.substring(INTERACTION.length());
    int colon = rest.indexOf(':');
    if (colon <= 0) {
      return Optional.empty();
    }
    return Optional.of("webhooks/" + rest.substring(0, colon) + "/" + rest.substring(colon + 1));
  }
}
