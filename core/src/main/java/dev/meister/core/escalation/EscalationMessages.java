package dev.meister.core.escalation;

import dev.meister.core.alert.Alert;
import dev.meister.core.alert.GitHubRun;
import dev.meister.core.chat.OutgoingMessage;
import dev.meister.core.chat.RichText;
import dev.meister.core.team.Member;
import dev.meister.core.team.MemberId;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The chat messages of escalations and "fix it or revert" reminders. */
public final class EscalationMessages {
  private EscalationMessages() {}

  /** Level 2 is asked to step in. */
  public static OutgoingMessage toSecondary(Alert alert, Duration waited, MemberId secondary) {
    long id = alert.storedId().value();
    return OutgoingMessage.of(
        RichText.builder()
            .emoji("arrow_double_up")
            .text(
                " Alert "
                    + id
                    + " ("
                    + alert.title()
                    + ") is not acknowledged after "
                    + minutes(waited)
                    + ". ")
            .mention(secondary)
            .text(" (Level 2), please take it: /ack " + id)
            .build());
  }

  /** The team lead is asked to find someone. */
  public static OutgoingMessage toTeamLead(Alert alert, Duration waited, List<Member> leads) {
    long id = alert.storedId().value();
    RichText.Builder t =
        RichText.builder()
            .emoji("rotating_light")
            .text(
                " "
                    + (alert.priority().urgent() ? "High-priority alert " : "Alert ")
                    + id
                    + " ("
                    + alert.title()
                    + ") is still not acknowledged after "
                    + minutes(waited)
                    + ". ");
    if (leads.isEmpty()) {
      t.text("No team lead is configured to tell; whoever sees this: /ack " + id);
    } else {
      t.text("Team lead ");
      for (int i = 0; i < leads.size(); i++) {
        t.text(i == 0 ? "" : ", ").mention(leads.get(i).id());
      }
      t.text(", please find someone: /ack " + id);
    }
    return OutgoingMessage.of(t.build());
  }

  /**
   * The build is still red: the on-call and the commit's author are asked to fix or revert.
   *
   * @param author the author as a team member, when their GitHub login is on the team
   */
  public static OutgoingMessage fixOrRevert(
      Alert alert, Duration red, @Nullable MemberId onCall, Optional<MemberId> author) {
    Optional<GitHubRun> run = alert.gitHubRun();
    String workflow = run.flatMap(r -> r.workflowPath().or(r::workflowName)).orElse("the workflow");
    String branch = run.flatMap(GitHubRun::branch).orElse("?");
    RichText.Builder t =
        RichText.builder()
            .emoji("red_circle")
            .text(
                " "
                    + run.map(GitHubRun::repo).orElse("")
                    + " "
                    + workflow
                    + " on "
                    + branch
                    + " is still red, "
                    + minutes(red)
                    + " after alert "
                    + alert.storedId().value()
                    + ". Fix it or revert: ");
    if (onCall != null) {
      t.mention(onCall).text(" (on call)");
    }
    String comma = onCall != null ? ", " : "";
    if (author.isPresent()) {
      t.text(comma).mention(author.get()).text(" (commit author)");
    } else {
      run.flatMap(r -> r.commitAuthor().or(r::actor))
          .ifPresent(name -> t.text(comma + name + " (commit author)"));
    }
    run.flatMap(GitHubRun::runUrl).ifPresent(url -> t.text(". ").link("Run", url));
    return OutgoingMessage.of(t.text(".").build());
  }

  private static String minutes(Duration d) {
    long m = d.toMinutes();
    if (m < 120) {
      return m + " min";
    }
    return (m / 60) + " h" + (m % 60 == 0 ? "" : " " + (m % 60) + " min");
  }
}
