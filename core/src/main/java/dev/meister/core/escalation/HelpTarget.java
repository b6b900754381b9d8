package dev.meister.core.escalation;

import dev.meister.core.team.MemberId;
import java.util.List;

/**
 * Who an escalation by hand pulls in: the rotation's Level 2 now, or the team lead(s) where the
 * rotation has none.
 */
public record HelpTarget(Escalation.Level level, List<MemberId> members) {
  public HelpTarget {
    members = List.copyOf(members);
  }
}
