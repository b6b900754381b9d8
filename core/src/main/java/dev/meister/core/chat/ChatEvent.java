package dev.meister.core.chat;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** Something a person did in a chat that the bot must answer. */
public sealed interface ChatEvent {
  ChatRef chat();

  Sender sender();

  /** The message the person sent or pressed a button on. */
  MessageRef message();

  /**
   * A slash command such as {@code /whoisoncall hausmeister}.
   *
   * @param name lower-case, without the slash or a {@code @botname} suffix
   * @param args the words after the name
   * @param replyTo the bot message this command replies to, if it was sent as a reply
   */
  record Command(ChatRef chat, Sender sender, MessageRef message, String name, List<String> args,
      @Nullable MessageRef replyTo) implements ChatEvent {
    public Command {
      args = List.copyOf(args);
    }
  }

  /** A plain-text reply to one of the bot's messages, e.g. "looking" under an alert. */
  record Reply(ChatRef chat, Sender sender, MessageRef message, String text, MessageRef replyTo)
      implements ChatEvent {}

  /**
   * A press of one of the bot's buttons.
   *
   * @param action the button's action name, e.g. {@code ack}
   * @param payload what the button carries, e.g. an alert id
   * @param callbackId the platform's id for answering the press (Telegram callback query id)
   */
  record ButtonPress(ChatRef chat, Sender sender, MessageRef message, String action,
      String payload, String callbackId) implements ChatEvent {}
}
