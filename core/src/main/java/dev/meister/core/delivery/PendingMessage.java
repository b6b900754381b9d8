package dev.meister.core.delivery;

import dev.meister.core.chat.AlertId;
import dev.meister.core.chat.ChatRef;
import dev.meister.core.chat.MessageRef;
import dev.meister.core.chat.OutgoingMessage;
import dev.meister.core.validation.Checks;
import org.jspecify.annotations.Nullable;

/**
 * A chat message to deliver.
 *
 * @param target the message replied to or edited; null for POST
 * @param alert the alert the delivered message belongs to, linked once it is sent so replies to it
 *     find the alert
 * @param link how it is linked to {@code alert}: as one of its own messages or as an answer
 */
public record PendingMessage(
    DeliveryKind kind,
    ChatRef chat,
    @Nullable MessageRef target,
    OutgoingMessage message,
    @Nullable AlertId alert,
    LinkKind link) {

  public PendingMessage {
    Checks.check(
        (kind == DeliveryKind.POST) == (target == null),
        kind + " needs " + (kind == DeliveryKind.POST ? "no target" : "a target message"));
  }

  /** A message linked as one of the alert's own, if any. */
  public PendingMessage(
      DeliveryKind kind,
      ChatRef chat,
      @Nullable MessageRef target,
      OutgoingMessage message,
      @Nullable AlertId alert) {
    this(kind, chat, target, message, alert, LinkKind.ALERT);
  }

  public static PendingMessage post(
      ChatRef chat, OutgoingMessage message, @Nullable AlertId alert) {
    return new PendingMessage(DeliveryKind.POST, chat, null, message, alert);
  }

  /** The alert posted to one of its route's mirror chats, linked as a {@link LinkKind#MIRROR}. */
  public static PendingMessage mirror(ChatRef chat, OutgoingMessage message, AlertId alert) {
    return new PendingMessage(DeliveryKind.POST, chat, null, message, alert, LinkKind.MIRROR);
  }

  public static PendingMessage reply(
      MessageRef to, OutgoingMessage message, @Nullable AlertId alert) {
    return new PendingMessage(DeliveryKind.REPLY, to.chat(), to, message, alert);
  }

  /**
   * A reply that answers something about {@code about} (e.g. the issue filed for it): replies to it
   * find the alert, acknowledgements leave it as it is.
   */
  public static PendingMessage answer(MessageRef to, OutgoingMessage message, AlertId about) {
    return new PendingMessage(DeliveryKind.REPLY, to.chat(), to, message, about, LinkKind.ANSWER);
  }

  public static PendingMessage edit(
      MessageRef message, OutgoingMessage replacement, @Nullable AlertId alert) {
    return new PendingMessage(DeliveryKind.EDIT, message.chat(), message, replacement, alert);
  }
}
