package dev.meister.core.filing;

import dev.meister.core.chat.AlertId;
import dev.meister.core.chat.ButtonAction;
import dev.meister.core.chat.ChatEvent;
import dev.meister.core.team.Member;
import java.util.Optional;

/**
 * Presses of "📝 File issue" and "Same as #N" under alerts. The answer to the press is a short
 * toast; the issue's link follows under the alert.
 */
public final class FilingButtons {
  public static final String OUTSIDERS = "Only members of the team can file issues.";

  private final IssueDesk desk;

  public FilingButtons(IssueDesk desk) {
    this.desk = desk;
  }

  public String fileIssue(
      ButtonAction.FileIssue action, ChatEvent.ButtonPress press, Member member) {
    return desk.request(
        new AlertId(action.alert()), null, Optional.empty(), press.message(), member);
  }

  public String sameAs(ButtonAction.SameAs action, ChatEvent.ButtonPress press, Member member) {
    return desk.request(
        new AlertId(action.alert()), action.issue(), Optional.empty(), press.message(), member);
  }
}
