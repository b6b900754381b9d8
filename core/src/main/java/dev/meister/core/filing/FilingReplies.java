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

  /** One message for a run's issues: seed 002 files "separate issues for each" root cause. */
  static OutgoingMessage done(List<FilingOutcome> outcomes) {
    if (outcomes.size() == 1) {
      return done(outcomes.get(0));
    }
    long filed = outcomes.stream().filter(FilingOutcome::filed).count();
    RichText.Builder text = RichText.builder();
    text.text(
        EmojiNames.unicode("memo")
            + " "
            + outcomes.size()
            + " root causes: "
            + filed
            + " filed, "
            + (outcomes.size() - filed)
            + " already open.");
    for (FilingOutcome o : outcomes) {
      text.newline().text(o.filed() ? "• Filed " : "• Same as ");
      text.link("#" + o.issue().number(), o.issue().url());
      text.text(o.filed() ? ": " + o.title() : " (" + o.title() + "): this run is noted there.");
    }
    for (FilingOutcome o : outcomes) {
      for (String note : o.notes()) {
        text.newline().text(EmojiNames.unicode("warning") + " " + note);
      }
    }
    return OutgoingMessage.of(text.build());
  }

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

  /**
   * "Looks like #12 (knowledge_graph/vendors) and #15 (helpers)", one issue per root cause, with
   * one Same-as button that joins them all; a single issue keeps the plain hint.
   */
  static OutgoingMessage looksLike(AlertId alert, SameIssues same) {
    if (same.same().size() == 1 && same.fresh().isEmpty()) {
      return looksLike(alert, same.same().get(0).issue());
    }
    RichText.Builder text = RichText.builder().text(EmojiNames.unicode("memo") + " Looks like ");
    List<String> numbers = new java.util.ArrayList<>();
    for (int i = 0; i < same.same().size(); i++) {
      SameIssue s = same.same().get(i);
      int n = s.issue().ref().number();
      numbers.add("#" + n);
      if (i > 0) {
        text.text(i == same.same().size() - 1 ? " and " : ", ");
      }
      text.link("#" + n, s.issue().ref().url());
      text.text(" (" + (s.label().isEmpty() ? s.issue().title() : s.label()) + ")");
    }
    text.text(
        same.fresh().isEmpty()
            ? ": the same failures."
            : "; new: " + String.join(", ", same.fresh()) + ".");
    int first = same.same().get(0).issue().ref().number();
    return new OutgoingMessage(
        text.build(),
        List.of(
            new Button(
                "Same as " + String.join(", ", numbers),
                new ButtonAction.SameAs(alert.value(), first))));
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
    if (kind == IssueRequestKind.ASSIGN) {
      return OutgoingMessage.plain(
          EmojiNames.unicode("warning")
              + " Could not assign the issue: "
              + why
              + ". It is unchanged; fix that and send /assign again.");
    }
    String what = kind == IssueRequestKind.JOIN ? "link the alert to the issue" : "file the issue";
    return OutgoingMessage.plain(
        EmojiNames.unicode("warning")
            + " Could not "
            + what
            + ": "
            + why
            + ". Nothing is lost: the alert is unchanged; fix that and send /issue again.");
  }

  static OutgoingMessage assigned(IssueRef issue, String who) {
    return OutgoingMessage.plain("Assigned " + issue + " to " + who + ": " + issue.url());
  }
}
