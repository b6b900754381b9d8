package dev.meister.core.escalation;

import dev.meister.core.alert.Acknowledgement;
import dev.meister.core.alert.Alert;
import dev.meister.core.chat.EmojiNames;
import dev.meister.core.chat.OutgoingMessage;
import dev.meister.core.chat.RichText;
import dev.meister.core.team.Member;
import dev.meister.core.team.MemberId;
import dev.meister.core.team.Team;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The chat texts of escalating by hand and of the nudge that suggests it. */
final class HelpMessages {
  private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("HH:mm z");

  private final Team team;

  HelpMessages(Team team) {
    this.team = team;
  }

  /** Tags who is pulled in: "⏫ @carol (Level 2): Alice escalated alert 1 (…): NOTE". */
  OutgoingMessage escalated(Alert alert, Escalation e) {
    RichText.Builder t = RichText.builder().emoji("arrow_double_up").text(" ");
    if (e.level() == Escalation.Level.TEAM_LEAD) {
      t.text("Team lead ");
    }
    mentions(t, e.to());
    t.text(e.level() == Escalation.Level.LEVEL_2 ? " (Level 2): " : ": ")
        .text(name(e.by()) + " escalated alert " + alert.storedId().value())
        .text(" (" + alert.title() + ")")
        .text(e.note().map(n -> ": " + n).orElse(""))
        .text(". Please pair on it.");
    return OutgoingMessage.of(t.build());
  }

  /** The line the alert's own message carries once escalated; names, not mentions. */
  void line(RichText.Builder t, Escalation e, ZoneId zone) {
    t.newline()
        .text(
            EmojiNames.unicode("arrow_double_up")
                + " Escalated to "
                + target(e.level(), e.to())
                + " by "
                + name(e.by())
                + " at "
                + e.at().atZone(zone).format(AT)
                + e.note().map(n -> ": " + n).orElse(""));
  }

  /** The hand-off's line: "1 (title) to Carol Lee (Level 2) by Alice Doe: NOTE". */
  String summary(Alert alert, Escalation e) {
    return alert.storedId().value()
        + " ("
        + alert.title()
        + ") to "
        + target(e.level(), e.to())
        + " by "
        + name(e.by())
        + e.note().map(n -> ": " + n).orElse("");
  }

  /** The answer to a second {@code /escalate}: it changes nothing. */
  String alreadyEscalated(Escalation e, ZoneId zone) {
    return "Alert "
        + e.alert().value()
        + " is already escalated to "
        + target(e.level(), e.to())
        + " by "
        + name(e.by())
        + " (at "
        + e.at().atZone(zone).format(AT)
        + ").";
  }

  /** Seed 001: escalate "if you try to solve an issue for more than one hour". */
  OutgoingMessage nudge(Alert alert, Acknowledgement ack, HelpTarget help, Duration since) {
    return OutgoingMessage.of(
        RichText.builder()
            .emoji("hourglass")
            .text(" ")
            .mention(ack.member())
            .text(
                " still on it? Alert "
                    + alert.storedId().value()
                    + " ("
                    + alert.title()
                    + ") is yours for "
                    + hours(since)
                    + ". /escalate pulls in "
                    + target(help.level(), help.members())
                    + ".")
            .build());
  }

  private String target(Escalation.Level level, List<MemberId> to) {
    String names = String.join(", ", to.stream().map(this::name).toList());
    return level == Escalation.Level.LEVEL_2 ? names + " (Level 2)" : "team lead " + names;
  }

  private void mentions(RichText.Builder t, List<MemberId> members) {
    for (int i = 0; i < members.size(); i++) {
      t.text(i == 0 ? "" : ", ").mention(members.get(i));
    }
  }

  private String name(MemberId id) {
    return team.find(id).map(Member::displayName).orElse(id.value());
  }

  private static String hours(Duration d) {
    long m = d.toMinutes();
    if (m < 120) {
      return m + " min";
    }
    return (m / 60) + " h" + (m % 60 == 0 ? "" : " " + (m % 60) + " min");
  }
}
