package dev.meister.core.chat;

import dev.meister.core.team.Member;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the team member behind the sender and, when there is none, refuses what only members may do
 * (state-changing commands, every button, acknowledging replies) with the handler's own words.
 * Everything else goes on, with or without a member.
 */
public final class Membership implements ChatMiddleware {
  private static final Logger log = LoggerFactory.getLogger(Membership.class);

  private final MemberResolver members;
  private final ChatRoutes routes;
  private final ChatAnswers answers;

  public Membership(MemberResolver members, ChatRoutes routes, ChatAnswers answers) {
    this.members = members;
    this.routes = routes;
    this.answers = answers;
  }

  @Override
  public void handle(Inbound inbound, Next next) {
    ChatEvent event = inbound.event();
    Optional<Member> member = members.memberFor(event.sender());
    if (member.isPresent()) {
      next.handle(inbound.withMember(member.get()));
      return;
    }
    Optional<String> refusal = routes.refusalForOutsiders(event);
    if (refusal.isPresent()) {
      log.info("refused {} from non-member {}", ErrorReplies.describe(event), event.sender());
      answers.say(event, refusal.get());
      return;
    }
    next.handle(inbound);
  }
}
