package dev.meister.core.chat;

import dev.meister.core.team.Member;
import java.util.Optional;

/**
 * An inbound event on its way along the {@link ChatChain}.
 *
 * @param member the team member behind the sender, once the membership step found one
 */
public record Inbound(ChatEvent event, Optional<Member> member) {
  public static Inbound of(ChatEvent event) {
    return new Inbound(event, Optional.empty());
  }

  public Inbound withMember(Member m) {
    return new Inbound(event, Optional.of(m));
  }
}
