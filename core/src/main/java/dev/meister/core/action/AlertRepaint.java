package dev.meister.core.action;

import dev.meister.core.alert.Acknowledgement;
import dev.meister.core.alert.Alert;
import dev.meister.core.alert.AlertContext;
import dev.meister.core.alert.AlertMessages;
import dev.meister.core.alert.AlertStore;
import dev.meister.core.chat.MessageLinkStore;
import dev.meister.core.chat.MessageRef;
import dev.meister.core.chat.OutgoingMessage;
import dev.meister.core.delivery.Outbox;
import dev.meister.core.delivery.PendingMessage;
import java.util.Optional;

/**
 * Edits every posted message of an alert so it shows its current state, e.g. the action just done
 * on its run (through {@link ActionNotes}) beside who is looking into it.
 */
public final class AlertRepaint {
  private final AlertMessages alertMessages;
  private final AlertStore alerts;
  private final AlertContext context;
  private final MessageLinkStore links;
  private final Outbox outbox;

  /**
   * @param alertMessages renders the alert with its notes, including the {@link ActionNotes}
   */
  public AlertRepaint(
      AlertMessages alertMessages,
      AlertStore alerts,
      AlertContext context,
      MessageLinkStore links,
      Outbox outbox) {
    this.alertMessages = alertMessages;
    this.alerts = alerts;
    this.context = context;
    this.links = links;
    this.outbox = outbox;
  }

  /** Queues the edits; in the caller's transaction. */
  public void repaint(Alert alert) {
    Optional<Acknowledgement> ack = alerts.acknowledgement(alert.storedId());
    OutgoingMessage now =
        ack.isPresent()
            ? alertMessages.acknowledged(
                alert, context.onCall(alert), context.zone(alert), ack.get())
            : alertMessages.alert(alert, context.onCall(alert), context.zone(alert));
    for (MessageRef posted : links.messagesFor(alert.storedId())) {
      outbox.enqueue(PendingMessage.edit(posted, now, alert.storedId()));
    }
  }
}
