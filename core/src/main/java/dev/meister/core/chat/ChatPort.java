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

  /**
   * Answers {@code event}'s sender so that nobody else sees it: Telegram and Discord in a direct
   * message, Slack as an ephemeral message in the event's channel, the console on its screen. The
   * default refuses: a chat that cannot whisper must never fall back to posting publicly.
   *
   * @throws ChatDeliveryException when the platform did not take it (e.g. Telegram: the person
   *     never started a chat with the bot)
   */
  default PrivateAnswer answerPrivately(ChatEvent event, OutgoingMessage message) {
    throw new ChatDeliveryException(platform() + " cannot answer privately", false, null, null);
  }

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
