package dev.meister.core.chat;

import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place a failure in handling a chat event is caught: it is logged with a correlation id
 * and the person sees only that id, never a stack trace — as a toast for a press, as a reply
 * otherwise. The reply goes straight to the chat, not through the queue: the failure may be the
 * queue's own. Never throws, so an adapter's receiving thread carries on with the next event.
 */
public final class ErrorReplies implements ChatMiddleware {
  private static final Logger log = LoggerFactory.getLogger(ErrorReplies.class);

  private final ChatAnswers answers;
  private final Supplier<String> ids;

  public ErrorReplies(ChatAnswers answers) {
    this(answers, () -> UUID.randomUUID().toString().substring(0, 8));
  }

  /**
   * @param ids makes correlation ids; tests supply their own
   */
  public ErrorReplies(ChatAnswers answers, Supplier<String> ids) {
    this.answers = answers;
    this.ids = ids;
  }

  /** What the person reads when handling failed. */
  public static String message(String id) {
    return "Sorry, that failed on my side (error " + id + "). The logs have the details.";
  }

  @Override
  public void handle(Inbound inbound, Next next) {
    try {
      next.handle(inbound);
    } catch (RuntimeException e) {
      ChatEvent event = inbound.event();
      String id = ids.get();
      log.error("[{}] handling {} from {} failed", id, describe(event), event.sender(), e);
      if (event instanceof ChatEvent.ButtonPress press) {
        answers.toast(press, message(id));
      } else {
        answers.replyNow(event, OutgoingMessage.plain(message(id)));
      }
    }
  }

  static String describe(ChatEvent event) {
    if (event instanceof ChatEvent.Command c) {
      return "/" + c.name();
    }
    if (event instanceof ChatEvent.ButtonPress p) {
      return "button " + p.data();
    }
    return event.getClass().getSimpleName();
  }
}
