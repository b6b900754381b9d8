package dev.meister.bot.config;

import java.util.Map;

/**
 * The Discord adapter's settings.
 *
 * @param channels named channels by name, in file order
 */
public record DiscordConfig(boolean enabled, Secret token, Map<String, ChatTarget> channels) {
  public DiscordConfig {
    channels = ChatsConfig.ordered(channels);
  }
}
