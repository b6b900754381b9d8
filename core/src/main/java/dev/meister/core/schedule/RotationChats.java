package dev.meister.core.schedule;

import dev.meister.core.chat.ChatRef;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Which rotation a command asked in some chat is about when it names none: the only rotation, or
 * the one posting to that chat (a thread of it included).
 */
public final class RotationChats {
  private final OnCallDirectory directory;
  private final Map<RotationId, ChatRef> chats;

  /**
   * @param chats the chat each rotation posts to
   */
  public RotationChats(OnCallDirectory directory, Map<RotationId, ChatRef> chats) {
    this.directory = directory;
    this.chats = Map.copyOf(chats);
  }

  /** The only rotation, or the one whose chat {@code chat} is. */
  public Optional<Rotation> of(ChatRef chat) {
    List<Rotation> all = directory.rotations();
    if (all.size() == 1) {
      return Optional.of(all.get(0));
    }
    List<Rotation> here =
        all.stream()
            .filter(
                r -> Optional.ofNullable(chats.get(r.id())).filter(c -> same(c, chat)).isPresent())
            .toList();
    return here.size() == 1 ? Optional.of(here.get(0)) : Optional.empty();
  }

  /**
   * The rotation called {@code name}.
   *
   * @throws IllegalArgumentException naming the rotations there are, when there is none such
   */
  public Rotation named(String name) {
    return directory
        .findByName(name)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "No rotation '" + name + "'. Rotations: " + known() + "."));
  }

  /** The rotations' ids, comma-separated, for answers that list them. */
  public String known() {
    return directory.rotations().stream()
        .map(r -> r.id().value())
        .collect(Collectors.joining(", "));
  }

  /** The first rotation's id, for usage examples. */
  public String example() {
    return directory.rotations().stream().findFirst().map(r -> r.id().value()).orElse("ROTATION");
  }

  public OnCallDirectory directory() {
    return directory;
  }

  private static boolean same(ChatRef a, ChatRef b) {
    return a.platform() == b.platform() && a.chatId().equals(b.chatId());
  }
}
