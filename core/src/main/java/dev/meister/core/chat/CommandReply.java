package dev.meister.core.chat;

/**
 * What a command answers, and where: under the command, as a new message in its chat, or privately
 * to the person who asked (a sign-in link, a calendar's secret address).
 */
public record CommandReply(OutgoingMessage message, Delivery delivery) {
  /** Where an answer goes. */
  public enum Delivery {
    /** Under the command message. */
    REPLY,
    /** As a new message in the command's chat. */
    POST,
    /**
     * To the asker alone ({@link ChatPort#answerPrivately}): never queued in the outbox, so a
     * secret it carries is not stored; a lost private answer is simply asked for again.
     */
    PRIVATE
  }

  /**
   * @param asReply post under the command message (true) or as a new message in the chat (false)
   */
  public CommandReply(OutgoingMessage message, boolean asReply) {
    this(message, asReply ? Delivery.REPLY : Delivery.POST);
  }

  public static CommandReply of(RichText text) {
    return new CommandReply(OutgoingMessage.of(text), Delivery.REPLY);
  }

  public static CommandReply plain(String text) {
    return of(RichText.plain(text));
  }

  /** An answer only the asker sees. */
  public static CommandReply privately(OutgoingMessage message) {
    return new CommandReply(message, Delivery.PRIVATE);
  }

  /** No answer: the command's effects answer for it (e.g. acknowledgements, queued durably). */
  public static CommandReply none() {
    return new CommandReply(OutgoingMessage.of(RichText.builder().build()), Delivery.REPLY);
  }

  /** Whether the answer goes under the command message. */
  public boolean asReply() {
    return delivery == Delivery.REPLY;
  }

  public boolean isPrivate() {
    return delivery == Delivery.PRIVATE;
  }

  public boolean isEmpty() {
    return message.text().spans().isEmpty() && message.buttons().isEmpty();
  }
}
