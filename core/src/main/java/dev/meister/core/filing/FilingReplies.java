package dev.meister.core.filing;

import dev.meister.core.chat.AlertId;
import dev.meister.core.chat.Button;
import dev.meister.core.chat.ButtonAction;
import dev.meister.core.chat.EmojiNames;
import dev.meister.core.chat.OutgoingMessage;
import dev.meister.core.chat.RichText;
import java.util.List;

/** The chat answers about issues. */
final class FilingReplies {
  private FilingReplies() {}

  static OutgoingMessage done(FilingOutcome o) {
    RichText.Builder text = RichText.builder();
    String number = "#" + o.issue().number();
    if (o.filed()) {
      text.text(EmojiNames.unicode("memo") + " Filed ")
          .link(number, o.issue().url())
          .text(": " + o.title());
    } else {
      text.text(EmojiNames.unicode("memo") + " Same as ")
          .link(number, o.issue().url())
          .text(" (" + o.title() + "): linked, and this run is noted there.");
    }
    for (String note : o.notes()) {
      text.newline().text(EmojiNames.unicode("warning") + " " + note);
    }
    return OutgoingMessage.of(text.build());
  }

  static OutgoingMessage looksLike(AlertId alert, FiledIssue issue) {
    int n = issue.ref().number();
    RichText text =
        RichText.builder()
            .text(EmojiNames.unicode("memo") + " Looks like ")
            .link("#" + n, issue.ref().url())
            .text(" (" + issue.title() + "): the same failures.")
            .build();
    return new OutgoingMessage(
        text, List.of(new Button("Same as #" + n, new ButtonAction.SameAs(alert.value(), n))));
  }

  static OutgoingMessage failed(IssueRequestKind kind, String why) {
    String what = kind == IssueRequestKind.JOIN ? "link the alert to the issue" : "file the issue";
    return OutgoingMessage.plain(
        EmojiNames.unicode("warning")
            + " Could not "
            + what
            + ": "
            + why
            + ". Nothing is lost: the alert is unchanged; fix that and send /issue again.");
  }
}
