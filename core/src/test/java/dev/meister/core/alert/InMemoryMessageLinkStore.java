package dev.meister.core.alert;

import dev.meister.core.chat.AlertId;
import dev.meister.core.chat.MessageLinkStore;
import dev.meister.core.chat.MessageRef;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A {@link MessageLinkStore} in a map. */
final class InMemoryMessageLinkStore implements MessageLinkStore {
  private final Map<MessageRef, AlertId> links = new LinkedHashMap<>();
  private final Map<MessageRef, AlertId> answers = new LinkedHashMap<>();
  private final Map<MessageRef, AlertId> mirrors = new LinkedHashMap<>();

  @Override
  public void linkMirror(MessageRef message, AlertId alert) {
    mirrors.put(message, alert);
  }

  @Override
  public List<MessageRef> mirrorsFor(AlertId alert) {
    return of(mirrors, alert);
  }

  @Override
  public void linkAnswer(MessageRef message, AlertId alert) {
    answers.put(message, alert);
  }

  @Override
  public Optional<AlertId> alertAnsweredBy(MessageRef message) {
    return Optional.ofNullable(answers.get(message));
  }

  @Override
  public void link(MessageRef message, AlertId alert) {
    links.put(message, alert);
  }

  @Override
  public Optional<AlertId> alertFor(MessageRef message) {
    return Optional.ofNullable(links.get(message))
        .or(() -> Optional.ofNullable(mirrors.get(message)));
  }

  @Override
  public List<MessageRef> messagesFor(AlertId alert) {
    return of(links, alert);
  }

  private static List<MessageRef> of(Map<MessageRef, AlertId> links, AlertId alert) {
    return links.entrySet().stream()
        .filter(e -> e.getValue().equals(alert))
        .map(Map.Entry::getKey)
        .toList();
  }
}
