package dev.meister.core.alert;

import dev.meister.core.chat.AlertId;
import dev.meister.core.chat.MessageLinkStore;
import dev.meister.core.chat.MessageRef;
import dev.meister.core.chat.OutgoingMessage;
import dev.meister.core.delivery.Outbox;
import dev.meister.core.delivery.PendingMessage;
import dev.meister.core.schedule.OnCallDirectory;
import dev.meister.core.team.MemberId;
import dev.meister.core.tx.Transactions;
import java.util.Optional;

/**
 * "Looking into it", however it was said: records the first acknowledgement, answers under the
 * alert and marks every message of the alert in place; a later one is answered, not recorded. All
 * answers go through the outbox, stored in the same transaction as the acknowledgement.
 */
public final class Acknowledgements {
  private final Acknowledger acknowledger;
  private final AlertMessages messages;
  private final MessageLinkStore links;
  private final Outbox outbox;
  private final Transactions transactions;
  private final AlertContext context;

  public Acknowledgements(
      Acknowledger acknowledger,
      AlertMessages messages,
      MessageLinkStore links,
      Outbox outbox,
      Transactions transactions,
      OnCallDirectory directory) {
    this.acknowledger = acknowledger;
    this.messages = messages;
    this.links = links;
    this.outbox = outbox;
    this.transactions = transactions;
    this.context = new AlertContext(directory);
  }

  /**
   * Acknowledges the alert behind {@code alertMessage}, answering under {@code answerUnder}; empty
   * when the message is no alert's.
   */
  public Optional<AckResult> byMessage(
      MessageRef alertMessage, MessageRef answerUnder, MemberId who, AckChannel via) {
    Optional<AckResult> result =
        transactions.inTransaction(
            () -> {
              Optional<AckResult> r = acknowledger.acknowledge(alertMessage, who, via);
              r.ifPresent(ack -> answer(ack, answerUnder));
              return r;
            });
    return result;
  }

  /** Acknowledges alert {@code id}, answering under {@code answerUnder}. */
  public Optional<AckResult> byId(
      AlertId id, MessageRef answerUnder, MemberId who, AckChannel via) {
    Optional<AckResult> result =
        transactions.inTransaction(
            () -> {
              Optional<AckResult> r = acknowledger.acknowledge(id, who, via);
              r.ifPresent(ack -> answer(ack, answerUnder));
              return r;
            });
    return result;
  }

  private void answer(AckResult result, MessageRef under) {
    Alert alert = result.alert();
    AlertId id = alert.storedId();
    if (!result.first()) {
      outbox.enqueue(
          PendingMessage.reply(
              under, messages.alreadyAcked(result.ack(), context.zone(alert)), id));
      return;
    }
    outbox.enqueue(PendingMessage.reply(under, messages.ackReply(result.ack()), id));
    OutgoingMessage marked =
        messages.acknowledged(alert, context.onCall(alert), context.zone(alert), result.ack());
    for (MessageRef original : links.messagesFor(id)) {
      outbox.enqueue(PendingMessage.edit(original, marked, id));
    }
    OutgoingMessage mirrored = messages.mirror(marked);
    for (MessageRef copy : links.mirrorsFor(id)) {
      outbox.enqueue(PendingMessage.edit(copy, mirrored, id));
    }
  }
}
