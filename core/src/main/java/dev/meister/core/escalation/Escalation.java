package dev.meister.core.escalation;

import dev.meister.core.chat.AlertId;
import dev.meister.core.team.MemberId;
import dev.meister.core.validation.Checks;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A person pulled in help for an alert by hand ({@code /escalate}), as seed 001's "escalating"
 * asks: who escalated, to whom, when and why.
 *
 * @param to who was tagged: the rotation's Level 2, else the team lead(s)
 * @param note why, in the person's words; empty when they gave none
 */
public record Escalation(
    AlertId alert, MemberId by, Level level, List<MemberId> to, Optional<String> note, Instant at) {

  public Escalation {
    to = List.copyOf(to);
    Checks.check(!to.isEmpty(), "an escalation needs someone to escalate to");
    note = note.map(String::strip).filter(n -> !n.isEmpty());
  }

  /** Who an escalation went to. */
  public enum Level {
    /** The rotation's secondary on call. */
    LEVEL_2,
    /** The team lead(s), for a rotation without a Level 2. */
    TEAM_LEAD
  }
}
