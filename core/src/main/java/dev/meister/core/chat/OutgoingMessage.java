package dev.meister.core.chat;

import java.util.List;

/** What the bot asks an adapter to post, reply or edit to: text plus optional buttons. */
public record OutgoingMessage(RichText text, List<Button> buttons) {
  public OutgoingMessage {
    buttons = List.copyOf(buttons);
  }

  public static OutgoingMessage of(RichText text) {
    return new OutgoingMessage(text, List.of());
  }

  public static OutgoingMessage plain(String text) {
    return of(RichText.plain(text));
  }
}
