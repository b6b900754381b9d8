package dev.meister.core.chat;

/**
 * Port: where answers to people go, durably, to be delivered like every other bot message (a rate
 * limit or an outage delays an answer but loses none). Joins the caller's transaction, so an answer
 * is queued together with the change it reports.
 */
public interface ReplyQueue {
  /** Queues {@code message} under {@code to}. */
  void reply(MessageRef to, OutgoingMessage message);

  /** Queues {@code message} as a new message in {@code chat}. */
  void post(ChatRef chat, OutgoingMessage message);
}
