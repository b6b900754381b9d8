package dev.meister.core.delivery;

import dev.meister.core.chat.ChatRef;
import dev.meister.core.chat.MessageRef;
import dev.meister.core.chat.OutgoingMessage;
import dev.meister.core.chat.ReplyQueue;

/** Answers to people queued in the outbox, delivered by the {@link OutboxWorker} like alerts. */
public final class OutboxReplies implements ReplyQueue {
  private final Outbox outbox;

  public OutboxReplies(Outbox outbox) {
    this.outbox = outbox;
  }

  @Override
  public void reply(MessageRef to, OutgoingMessage message) {
    outbox.enqueue(PendingMessage.reply(to, message, null));
  }

  @Override
  public void post(ChatRef chat, OutgoingMessage message) {
    outbox.enqueue(PendingMessage.post(chat, message, null));
  }
}
