package dev.meister.core.chat;

import java.util.List;
import java.util.Optional;

/**
 * Port: which chat messages belong to which alert, so a reply or button press finds its alert even
 * after a restart. The bot's answers about an alert (e.g. "Filed #9110") are kept apart from the
 * alert's own messages: {@link #messagesFor} lists only the latter, which an acknowledgement edits,
 * so an answer is never overwritten with the alert's text. {@link #alertFor} finds the alert from
 * its copies in mirror chats as well, so an ack there counts.
 */
public interface MessageLinkStore {
  void link(MessageRef message, AlertId alert);

  Optional<AlertId> alertFor(MessageRef message);

  /**
   * The alert's own messages in the route's first chat, in the order they were linked: where its
   * thread is. Copies in mirror chats are {@link #mirrorsFor}.
   */
  List<MessageRef> messagesFor(AlertId alert);

  /** Links {@code message}, a copy of the alert in a mirror chat. */
  void linkMirror(MessageRef message, AlertId alert);

  /** The alert's copies in its route's mirror chats, in the order they were linked. */
  List<MessageRef> mirrorsFor(AlertId alert);

  /** Links the bot's answer {@code message} about {@code alert}. */
  void linkAnswer(MessageRef message, AlertId alert);

  /** The alert that the bot's answer {@code message} is about. */
  Optional<AlertId> alertAnsweredBy(MessageRef message);
}
