package dev.meister.core.chat;

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

  /** The port of a platform that may not be connected in this run. */
  public java.util.Optional<ChatPort> find(Platform platform) {
    return java.util.Optional.ofNullable(ports.get(platform));
  }
}
