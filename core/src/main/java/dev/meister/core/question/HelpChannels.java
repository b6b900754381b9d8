package dev.meister.core.question;

import dev.meister.core.chat.ChatRef;
import dev.meister.core.schedule.RotationId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which rotation answers the questions asked in which chat: each rotation's {@code help_channels}.
 * A thread of a help channel is part of it.
 */
public final class HelpChannels {
  private final Map<String, RotationId> byChat = new LinkedHashMap<>();

  /**
   * @throws IllegalArgumentException when one chat is the help channel of two rotations: nobody
   *     could tell whose on-call a question there pings
   */
  public HelpChannels(Map<RotationId, ? extends Iterable<ChatRef>> channels) {
    channels.forEach(
        (rotation, chats) -> {
          for (ChatRef chat : chats) {
            RotationId before = byChat.putIfAbsent(key(chat), rotation);
            if (before != null && !before.equals(rotation)) {
              throw new IllegalArgumentException(
                  chat
                      + " is the help channel of both "
                      + before.value()
                      + " and "
                      + rotation.value());
            }
          }
        });
  }

  public static HelpChannels none() {
    return new HelpChannels(Map.of());
  }

  /** The rotation whose help channel {@code chat} (or the chat of its thread) is. */
  public Optional<RotationId> rotationOf(ChatRef chat) {
    return Optional.ofNullable(byChat.get(key(chat)));
  }

  public boolean isEmpty() {
    return byChat.isEmpty();
  }

  private static String key(ChatRef chat) {
    return chat.platform() + "/" + chat.chatId();
  }
}
