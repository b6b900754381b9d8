package dev.meister.core.chat;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the chain answers an event: a button press at once with a toast (the platform wants the
 * callback answered within seconds, so this is no job for the outbox), everything else through the
 * {@link ReplyQueue}.
 */
public final class ChatAnswers {
  private static final Logger log = LoggerFactory.getLogger(ChatAnswers.class);

  private final ChatPorts ports;
  private final ReplyQueue queue;

  public ChatAnswers(ChatPorts ports, ReplyQueue queue) {
    this.ports = ports;
    this.queue = queue;
  }

  /** Answers a press now; a failed answer only logs, the press is handled all the same. */
  public void toast(ChatEvent.ButtonPress press, String text) {
    try {
      ports
          .find(press.chat().platform())
          .ifPresentOrElse(
              port -> port.answerButton(press, text),
              () -> log.warn("answering a press in {}: no such chat is connected", press.chat()));
    } catch (RuntimeException e) {
      log.warn("answering a press in {} failed: {}", press.chat(), e.toString());
    }
  }

  /** Queues {@code message} under the event's message. */
  public void reply(ChatEvent event, OutgoingMessage message) {
    queue.reply(event.message(), message);
  }

  /** Queues {@code message} as a new message in the event's chat. */
  public void post(ChatEvent event, OutgoingMessage message) {
    queue.post(event.chat(), message);
  }

  /**
   * Answers at once, bypassing the queue: for errors, which may be the queue's own (a database that
   * cannot write). Returns false when the chat could not take it either.
   */
  public boolean replyNow(ChatEvent event, OutgoingMessage message) {
    try {
      Optional<ChatPort> port = ports.find(event.chat().platform());
      if (port.isEmpty()) {
        log.warn("answering in {}: no such chat is connected", event.chat());
        return false;
      }
      port.get().reply(event.message(), message);
      return true;
    } catch (RuntimeException e) {
      log.warn("answering in {} failed: {}", event.chat(), e.toString());
      return false;
    }
  }

  /** What the asker's chat is told when their private answer went to a direct message. */
  public static final String SENT_PRIVATELY = "I sent you the answer in a direct message.";

  /** What the asker's chat is told when no private answer could reach them. */
  public static final String NOT_SENT_PRIVATELY =
      "I could not send you a private message: open a direct chat with me (Telegram: press"
          + " Start), then ask again.";

  /**
   * Answers the event's sender alone, at once and not through the outbox: the answer may carry a
   * secret (a sign-in link), which must not be stored, and it is cheap to ask again. When it went
   * to a direct message, or could not go at all, the chat the person wrote in is told so (through
   * the queue, without the secret). Returns whether the private answer was delivered.
   */
  public boolean answerPrivately(ChatEvent event, OutgoingMessage message) {
    PrivateAnswer where;
    try {
      Optional<ChatPort> port = ports.find(event.chat().platform());
      if (port.isEmpty()) {
        log.warn("answering privately in {}: no such chat is connected", event.chat());
        return false;
      }
      where = port.get().answerPrivately(event, message);
    } catch (RuntimeException e) {
      log.warn("answering privately in {} failed: {}", event.chat(), e.toString());
      say(event, NOT_SENT_PRIVATELY);
      return false;
    }
    if (where == PrivateAnswer.DIRECT_MESSAGE) {
      say(event, SENT_PRIVATELY);
    }
    return true;
  }

  /** A short answer fitting the event: a toast for a press, a queued reply otherwise. */
  public void say(ChatEvent event, String text) {
    if (event instanceof ChatEvent.ButtonPress press) {
      toast(press, text);
    } else {
      reply(event, OutgoingMessage.plain(text));
    }
  }
}
