package dev.meister.bot.config;

import dev.meister.core.chat.ChatRef;
import dev.meister.core.chat.Platform;
import java.util.Locale;

/**
 * A named chat from the {@code chats} section, e.g. {@code telegram/data-alerts}.
 *
 * @param name the name under the adapter's {@code chats}/{@code channels}
 * @param ref where messages to it go
 */
public record ChatTarget(Platform platform, String name, ChatRef ref) {

  /** How the configuration refers to it: {@code <adapter>/<name>}. */
  public String reference() {
    return platform.name().toLowerCase(Locale.ROOT) + "/" + name;
  }
}
