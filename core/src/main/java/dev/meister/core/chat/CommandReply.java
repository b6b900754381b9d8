package dev.meister.core.chat;

/**
 * What a command answers in the chat it came from.
 *
 * @param asReply post under the command message (true) or as a new message in the chat (false)
 */
public record CommandReply(OutgoingMessage message, boolean asReply) {
  public static CommandReply of(RichText text) {
    return new CommandReply(OutgoingMessage.of(text), true);
  }

  public static CommandReply plain(String text) {
    return of(RichText.plain(text));
  }

  /** No answer: the command's effects answer for it (e.g. acknowledgements, queued durably). */
  public static CommandReply none() {
    return new CommandReply(OutgoingMessage.of(RichText.builder().build()), true);
  }

  public boolean isEmpty() {
    return message.text().spans().isEmpty() && message.buttons().isEmpty();
  }
}
