package dev.meister.bot.config;

import java.util.Map;

/**
 * The Slack adapter's settings. {@code appToken} is needed in Socket Mode, {@code signingSecret} in
 * HTTP mode; either may be absent otherwise.
 *
 * @param channels named channels by name, in file order
 */
public record SlackConfig(
    boolean enabled,
    Secret botToken,
    Secret appToken,
    Secret signingSecret,
    SlackMode mode,
    Map<String, ChatTarget> channels) {

  public SlackConfig {
    channels = ChatsConfig.ordered(channels);
  }
}
