package dev.meister.core.escalation;

import dev.meister.core.alert.Alert;
import dev.meister.core.chat.ChatRef;
import dev.meister.core.chat.MessageLinkStore;
import dev.meister.core.chat.MessageRef;
import dev.meister.core.chat.OutgoingMessage;
import dev.meister.core.delivery.Outbox;
import dev.meister.core.delivery.PendingMessage;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Queues a follow-up about an alert under its first delivered message, so the thread tells the
 * story and a reply there finds the alert; in the route's chat when the alert was never delivered.
 */
final class FollowUpPoster {
  private final MessageLinkStore links;
  private final Outbox outbox;

  FollowUpPoster(MessageLinkStore links, Outbox outbox) {
    this.links = links;
    this.outbox = outbox;
  }

  /** False when there is nowhere to post. */
  boolean post(Alert alert, @Nullable ChatRef routeChat, OutgoingMessage message) {
    List<MessageRef> messages = links.messagesFor(alert.storedId());
    if (!messages.isEmpty()) {
      outbox.enqueue(PendingMessage.reply(messages.get(0), message, alert.storedId()));
      return true;
    }
    if (routeChat != null) {
      outbox.enqueue(PendingMessage.post(routeChat, message, alert.storedId()));
      return true;
    }
    return false;
  }
}
