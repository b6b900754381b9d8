package dev.meister.core.chat;

import dev.meister.core.team.Member;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A command as a handler sees it: the chat event and the team member who sent it, if the sender is
 * one.
 */
public record CommandRequest(ChatEvent.Command event, @Nullable Member member) {
  public List<String> args() {
    return event.args();
  }

  public Optional<Member> sender() {
    return Optional.ofNullable(member);
  }
}
