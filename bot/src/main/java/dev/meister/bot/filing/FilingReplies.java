package dev.meister.bot.filing;

import dev.meister.core.chat.EmojiNames;
import dev.meister.core.chat.OutgoingMessage;
import dev.meister.core.chat.RichText;
import dev.meister.core.filing.IssueRequestKind;

/** The chat answers about issues. */
final class FilingReplies {
  private FilingReplies() {}

  static OutgoingMessage done(FilingOutcome o) {
    RichText.Builder text = RichText.builder();
    String number = "#" + o.issue().number();
    if (o.filed()) {
      text.text(EmojiNames.unicode("memo") + " Filed ").link(number, o.issue().url())
          .text(": " + o.title());
    } else {
      text.text(EmojiNames.unicode("memo") + " Same as ").link(number, o.issue().url())
          .text(" (" + o.title() + "): linked, and this run is noted there.");
    }
    for (String note : o.notes()) {
      text.newline().text(EmojiNames.unicode("warning") + " " + note);
    }
    return OutgoingMessage.of(text.build());
  }

  static OutgoingMessage failed(IssueRequestKind kind, String why) {
    String what = kind == IssueRequestKind.JOIN ? "link the alert to the issue" : "file the issue";
    return OutgoingMessage.plain(EmojiNames.unicode("warning") + " Could not " + what + ": "
        + why + ". Nothing is lost: the alert is unchanged; fix that and send /issue again.");
  }
}
