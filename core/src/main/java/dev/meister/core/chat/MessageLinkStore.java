package dev.meister.core.chat;

import dev.meister.core.alert.AlertId;
import java.util.List;
import java.util.Optional;

/**
 * Port: which chat messages belong to which alert, so a reply or button press finds its alert even
 * after a restart.
 */
public interface MessageLinkStore {
  void link(MessageRef message, AlertId alert);

  Optional<AlertId> alertFor(MessageRef message);

  List<MessageRef> messagesFor(AlertId alert);
}
