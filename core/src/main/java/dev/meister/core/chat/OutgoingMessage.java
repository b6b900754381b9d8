package dev.meister.core.chat;

import java.util.ArrayList;
import java.util.List;

/**
 * What the bot asks an adapter to post, reply or edit to: text, optional buttons and optional
 * files. Adapters send the files with the message (Telegram {@code sendDocument}, a Slack upload in
 * the message's thread, Discord's multipart message); an edit changes text and buttons only, and
 * leaves the files a message was sent with as they are.
 */
public record OutgoingMessage(RichText text, List<Button> buttons, List<Attachment> attachments) {
  public OutgoingMessage {
    buttons = List.copyOf(buttons);
    attachments = List.copyOf(attachments);
  }

  /** Text and buttons, no files. */
  public OutgoingMessage(RichText text, List<Button> buttons) {
    this(text, buttons, List.of());
  }

  public static OutgoingMessage of(RichText text) {
    return new OutgoingMessage(text, List.of());
  }

  public static OutgoingMessage plain(String text) {
    return of(RichText.plain(text));
  }

  /** This message with one more file. */
  public OutgoingMessage withAttachment(Attachment attachment) {
    List<Attachment> more = new ArrayList<>(attachments);
    more.add(attachment);
    return new OutgoingMessage(text, buttons, more);
  }
}
