package dev.meister.core.action;

import dev.meister.core.chat.AlertId;
import dev.meister.core.chat.ButtonAction;
import dev.meister.core.chat.ChatEvent;
import dev.meister.core.team.Member;

/**
 * Presses of the runbook action buttons: "🛠 Actions" under an alert, an action of its menu, and
 * Confirm / Cancel / Approve / Deny under a request. The answer is a short toast; what changes is
 * said in the alert's thread.
 */
public final class ActionButtons {
  public static final String OUTSIDERS = "Only members of the team can use runbook actions.";

  private final ActionDesk desk;

  public ActionButtons(ActionDesk desk) {
    this.desk = desk;
  }

  public String showActions(
      ButtonAction.ShowActions action, ChatEvent.ButtonPress press, Member member) {
    return desk.showMenu(new AlertId(action.alert()), press.message());
  }

  public String run(ButtonAction.RunAction action, ChatEvent.ButtonPress press, Member member) {
    return desk.request(
        new AlertId(action.alert()), action.action(), press.chat(), press.message(), member);
  }

  public String confirm(
      ButtonAction.ConfirmAction action, ChatEvent.ButtonPress press, Member member) {
    return desk.confirm(action.request(), member);
  }

  public String cancel(
      ButtonAction.CancelAction action, ChatEvent.ButtonPress press, Member member) {
    return desk.cancel(action.request(), member);
  }

  public String approve(
      ButtonAction.ApproveAction action, ChatEvent.ButtonPress press, Member member) {
    return desk.approve(action.request(), member);
  }

  public String deny(ButtonAction.DenyAction action, ChatEvent.ButtonPress press, Member member) {
    return desk.deny(action.request(), member);
  }
}
