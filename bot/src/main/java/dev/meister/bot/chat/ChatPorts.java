package dev.meister.bot.chat;

import dev.meister.core.chat.ChatPort;
import dev.meister.core.chat.Platform;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The outbound port of every connected chat platform. */
public final class ChatPorts {
  private final Map<Platform, ChatPort> ports = new EnumMap<>(Platform.class);

  public ChatPorts(List<ChatPort> ports) {
    for (ChatPort p : ports) {
      this.ports.put(p.platform(), p);
    }
  }

  public ChatPort port(Platform platform) {
    ChatPort port = ports.get(platform);
    if (port == null) {
      throw new IllegalStateException("no " + platform + " chat is connected");
    }
    return port;
  }
}
