package dev.meister.core.escalation;

import dev.meister.core.alert.Alert;
import dev.meister.core.schedule.Assignment;
import dev.meister.core.schedule.OnCallDirectory;
import dev.meister.core.schedule.Position;
import dev.meister.core.team.Member;
import dev.meister.core.team.MemberId;
import dev.meister.core.team.Team;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Finds who an alert is escalated to by hand. Seed 001: Level 2 "is the first person the
 * hausmeister can elevate an issue to"; the team lead stands in where a rotation has no Level 2.
 * Level 2 is whoever holds the secondary layer now, not when the alert came in: help is needed now.
 */
public final class HelpTargets {
  private final OnCallDirectory directory;
  private final Team team;

  public HelpTargets(OnCallDirectory directory, Team team) {
    this.directory = directory;
    this.team = team;
  }

  /** Empty when the alert's rotation has neither a Level 2 on call nor a team lead. */
  public Optional<HelpTarget> forAlert(Alert alert, Instant now) {
    Optional<MemberId> secondary =
        alert
            .routedRotation()
            .flatMap(directory::find)
            .flatMap(r -> directory.resolver(r, now).assignmentAt(Position.SECONDARY, now))
            .map(Assignment::member);
    if (secondary.isPresent()) {
      return Optional.of(new HelpTarget(Escalation.Level.LEVEL_2, List.of(secondary.get())));
    }
    List<MemberId> leads = team.teamLeads().stream().map(Member::id).toList();
    return leads.isEmpty()
        ? Optional.empty()
        : Optional.of(new HelpTarget(Escalation.Level.TEAM_LEAD, leads));
  }
}
