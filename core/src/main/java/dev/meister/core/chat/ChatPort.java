package dev.meister.core.chat;

/**
 * Port: the outbound side of one chat platform. Implementations render {@link RichText} in their
 * markup, mention members by their platform identity and throw {@link ChatDeliveryException} when
 * the platform cannot take the message now.
 */
public interface ChatPort {
  Platform platform();

  MessageRef post(ChatRef chat, OutgoingMessage message);

  /**
   * Posts under {@code to}: a Telegram reply, a Slack thread reply, a Discord message reference.
   */
  MessageRef reply(MessageRef to, OutgoingMessage message);

  void edit(MessageRef message, OutgoingMessage replacement);

  /** Acknowledges a button press, optionally with a short toast. */
  default void answerButton(ChatEvent.ButtonPress press, String toast) {}

  /**
   * False while the platform cannot be reached (not connected yet, or reconnecting after an
   * outage): the outbox then leaves the chat's messages waiting without counting an attempt.
   */
  default boolean connected() {
    return true;
  }
}
