package dev.meister.core.alert;

import dev.meister.core.chat.AlertId;
import dev.meister.core.chat.MessageLinkStore;
import dev.meister.core.chat.MessageRef;
import dev.meister.core.chat.OutgoingMessage;
import dev.meister.core.delivery.Outbox;
import dev.meister.core.delivery.PendingMessage;
import dev.meister.core.schedule.OnCallDirectory;
import java.util.Optional;

/**
 * Keeps every posted copy of an alert showing its state now: its messages in the route's first chat
 * and its copies in mirror chats are edited after each change (taken, escalated, filed, resolved).
 * The state comes from the stores and the alert's notes, so an edit for one change keeps the lines
 * of the others. Queues the edits; call it in the transaction that records the change.
 */
public final class AlertCopies {
  private final AlertStore alerts;
  private final AlertMessages messages;
  private final AlertContext context;
  private final MessageLinkStore links;
  private final Outbox outbox;

  public AlertCopies(
      AlertStore alerts,
      AlertMessages messages,
      OnCallDirectory directory,
      MessageLinkStore links,
      Outbox outbox) {
    this.alerts = alerts;
    this.messages = messages;
    this.context = new AlertContext(directory);
    this.links = links;
    this.outbox = outbox;
  }

  /** The alert's message as it should read now, for its first chat. */
  public OutgoingMessage current(Alert alert) {
    Optional<Acknowledgement> ack = alerts.acknowledgement(alert.storedId());
    return ack.isPresent()
        ? messages.acknowledged(alert, context.onCall(alert), context.zone(alert), ack.get())
        : messages.alert(alert, context.onCall(alert), context.zone(alert));
  }

  /** Queues an edit of every copy of the alert; returns how many. */
  public int refresh(Alert alert) {
    AlertId id = alert.storedId();
    OutgoingMessage now = current(alert);
    int edits = 0;
    for (MessageRef m : links.messagesFor(id)) {
      outbox.enqueue(PendingMessage.edit(m, now, id));
      edits++;
    }
    OutgoingMessage mirrored = messages.mirror(now);
    for (MessageRef m : links.mirrorsFor(id)) {
      outbox.enqueue(PendingMessage.edit(m, mirrored, id));
      edits++;
    }
    return edits;
  }

  /** Like {@link #refresh(Alert)} for a stored alert by id; nothing when it is gone. */
  public int refresh(AlertId id) {
    return alerts.find(id).map(this::refresh).orElse(0);
  }
}
