package dev.meister.core.chat;

import dev.meister.core.team.Member;
import java.util.Optional;

/**
 * Handles a message that mentions the bot. Anyone may mention it (a help channel's clients are
 * rarely team members), so the member is optional.
 */
@FunctionalInterface
public interface MentionHandler {
  void mentioned(ChatEvent.Mention mention, Optional<Member> member);
}
