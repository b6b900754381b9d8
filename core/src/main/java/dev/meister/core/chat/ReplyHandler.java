package dev.meister.core.chat;

import dev.meister.core.team.Member;

/** Handles a team member's plain-text reply to one of the bot's messages, e.g. "looking". */
@FunctionalInterface
public interface ReplyHandler {
  void reply(ChatEvent.Reply reply, Member member);
}
