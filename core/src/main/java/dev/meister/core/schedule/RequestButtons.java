package dev.meister.core.schedule;

import dev.meister.core.chat.ButtonAction;
import dev.meister.core.chat.ChatEvent;
import dev.meister.core.team.Member;

/** "✅ Accept" and "✖ Decline" under an override or swap request. */
public final class RequestButtons {
  public static final String OUTSIDERS = "Only members of the team can answer requests.";

  private final ScheduleRequests requests;

  public RequestButtons(ScheduleRequests requests) {
    this.requests = requests;
  }

  public String accept(
      ButtonAction.AcceptRequest action, ChatEvent.ButtonPress press, Member member) {
    return requests.answer(action.request(), member.id(), true, press.chat());
  }

  public String decline(
      ButtonAction.DeclineRequest action, ChatEvent.ButtonPress press, Member member) {
    return requests.answer(action.request(), member.id(), false, press.chat());
  }
}
