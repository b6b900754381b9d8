package dev.meister.core.question;

import dev.meister.core.chat.Button;
import dev.meister.core.chat.ButtonAction;
import dev.meister.core.chat.EmojiNames;
import dev.meister.core.chat.OutgoingMessage;
import dev.meister.core.chat.RichText;
import dev.meister.core.schedule.Rotation;
import dev.meister.core.team.Member;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** What the bot says about questions: the "noted" answer, the closing line, the open list. */
final class QuestionMessages {
  /** Open questions beyond which {@code /issues} cuts the list. */
  static final int SHOWN = 10;

  private QuestionMessages() {}

  /** "💬 Noted — @alice will look (Hausmeister on call)", with a ✅ Done button. */
  static OutgoingMessage noted(long id, Rotation rotation, Member onCall) {
    RichText text =
        RichText.builder()
            .emoji("speech_balloon")
            .text(" Noted — ")
            .mention(onCall.id())
            .text(" will look (" + rotation.displayName() + " on call). ")
            .text("Tracked as Q" + id + "; ")
            .code("/done")
            .text(" in reply, or the button, once it is answered.")
            .build();
    return new OutgoingMessage(
        text,
        List.of(
            new Button(
                EmojiNames.unicode("white_check_mark") + " Done",
                new ButtonAction.CloseQuestion(id))));
  }

  /** "✅ Q7 closed by Alice Doe after 2h." */
  static OutgoingMessage closed(Question q, Member by, Instant at) {
    return OutgoingMessage.of(
        RichText.builder()
            .emoji("white_check_mark")
            .text(
                " Q"
                    + q.id()
                    + " closed by "
                    + by.displayName()
                    + " after "
                    + age(Duration.between(q.askedAt(), at))
                    + ".")
            .build());
  }

  /** "Q7 was closed by Alice Doe 3h ago." */
  static String alreadyClosed(Question q, Instant now) {
    Question.Closure c = q.closed().orElseThrow();
    return "Q"
        + q.id()
        + " was closed by "
        + c.closedBy()
        + " "
        + age(Duration.between(c.at(), now))
        + " ago.";
  }

  /** The open questions as lines after {@code /issues}' list; empty when there are none. */
  static RichText openList(List<Question> open, Instant now) {
    RichText.Builder t = RichText.builder();
    if (open.isEmpty()) {
      return t.build();
    }
    t.newline().newline().emoji("speech_balloon").bold(" Open questions (" + open.size() + ")");
    for (int i = 0; i < Math.min(SHOWN, open.size()); i++) {
      Question q = open.get(i);
      t.newline()
          .text(
              "Q"
                  + q.id()
                  + " from "
                  + q.askedBy()
                  + " · "
                  + age(Duration.between(q.askedAt(), now))
                  + " ago · “"
                  + q.text()
                  + "”");
    }
    if (open.size() > SHOWN) {
      t.newline().text("… and " + (open.size() - SHOWN) + " more.");
    }
    return t.build();
  }

  /** {@code 3d}, {@code 5h}, {@code 12 min}, {@code a moment}. */
  static String age(Duration d) {
    if (d.toDays() >= 1) {
      return d.toDays() + "d";
    }
    if (d.toHours() >= 1) {
      return d.toHours() + "h";
    }
    if (d.toMinutes() >= 1) {
      return d.toMinutes() + " min";
    }
    return "a moment";
  }
}
