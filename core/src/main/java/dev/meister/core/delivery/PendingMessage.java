package dev.meister.core.delivery;

import dev.meister.core.alert.AlertId;
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
 */
public record PendingMessage(
    DeliveryKind kind,
    ChatRef chat,
    @Nullable MessageRef target,
    OutgoingMessage message,
    @Nullable AlertId alert) {

  public PendingMessage {
    Checks.check(
        (kind == DeliveryKind.POST) == (target == null),
        kind + " needs " + (kind == DeliveryKind.POST ? "no target" : "a target message"));
  }

  public static PendingMessage post(ChatRef chat, OutgoingMessage message,
      @Nullable AlertId alert) {
    return new PendingMessage(DeliveryKind.POST, chat, null, message, alert);
  }

  public static PendingMessage reply(MessageRef to, OutgoingMessage message,
      @Nullable AlertId alert) {
    return new PendingMessage(DeliveryKind.REPLY, to.chat(), to, message, alert);
  }

  public static PendingMessage edit(MessageRef message, OutgoingMessage replacement,
      @Nullable AlertId alert) {
    return new PendingMessage(DeliveryKind.EDIT, message.chat(), message, replacement, alert);
  }
}
