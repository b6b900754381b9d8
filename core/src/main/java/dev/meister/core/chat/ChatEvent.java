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
  record Command(
      ChatRef chat,
      Sender sender,
      MessageRef message,
      String name,
      List<String> args,
      @Nullable MessageRef replyTo,
      @Nullable Quote quoted)
      implements ChatEvent {
    public Command {
      args = List.copyOf(args);
    }

    /** A command that quotes no one else's message. */
    public Command(
        ChatRef chat,
        Sender sender,
        MessageRef message,
        String name,
        List<String> args,
        @Nullable MessageRef replyTo) {
      this(chat, sender, message, name, args, replyTo, null);
    }
  }

  /**
   * Someone else's message that a command was sent in reply to, e.g. a client's question marked
   * with {@code /triage}. Replies to the bot's own messages are {@link Command#replyTo} instead.
   */
  record Quote(MessageRef message, Sender author, String text) {}

  /**
   * A message that mentions the bot without being a command or a reply to it, e.g. a client's
   * question in a help channel: "@meister the ohlcv table is empty since 9:00".
   *
   * @param text the whole message, the mention included
   */
  record Mention(ChatRef chat, Sender sender, MessageRef message, String text)
      implements ChatEvent {}

  /** A plain-text reply to one of the bot's messages, e.g. "looking" under an alert. */
  record Reply(ChatRef chat, Sender sender, MessageRef message, String text, MessageRef replyTo)
      implements ChatEvent {}

  /**
   * A press of one of the bot's buttons.
   *
   * @param data what the button carried, as {@link ButtonAction#encode} wrote it, e.g. {@code
   *     ack:17}
   * @param callbackId the platform's id for answering the press (Telegram callback query id)
   */
  record ButtonPress(
      ChatRef chat, Sender sender, MessageRef message, String data, String callbackId)
      implements ChatEvent {
    /** What the press means; empty for a button this version does not know or cannot read. */
    public java.util.Optional<ButtonAction> action() {
      return ButtonAction.decode(data);
    }
  }
}
