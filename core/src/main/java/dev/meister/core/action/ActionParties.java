package dev.meister.core.action;

import dev.meister.core.alert.Alert;
import dev.meister.core.pipeline.Pipeline;
import dev.meister.core.schedule.Assignment;
import dev.meister.core.schedule.OnCallDirectory;
import dev.meister.core.schedule.Position;
import dev.meister.core.team.Member;
import dev.meister.core.team.MemberId;
import dev.meister.core.team.Team;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who the parties of a policy are for one alert, now: the team lead, the owners of the pipeline
 * running its DAG, its rotation's Level 2 or on-call right now, or named members.
 */
public final class ActionParties {
  private final Team team;
  private final OnCallDirectory directory;
  private final ActionPolicies policies;

  public ActionParties(Team team, OnCallDirectory directory, ActionPolicies policies) {
    this.team = team;
    this.directory = directory;
    this.policies = policies;
  }

  /** Every member any of {@code parties} names for {@code alert} at {@code now}, in order. */
  public List<MemberId> members(List<ActionParty> parties, Alert alert, Instant now) {
    Set<MemberId> found = new LinkedHashSet<>();
    for (ActionParty party : parties) {
      found.addAll(members(party, alert, now));
    }
    return List.copyOf(found);
  }

  /** Whether {@code who} is among {@code parties} for {@code alert} now. */
  public boolean includes(List<ActionParty> parties, Alert alert, Instant now, MemberId who) {
    return members(parties, alert, now).contains(who);
  }

  /** "the team lead or the pipeline owner". */
  public String describe(List<ActionParty> parties) {
    return parties.stream().map(p -> p.describe(team)).collect(Collectors.joining(" or "));
  }

  /** Display names, e.g. "Dave Kim, Carol Lee". */
  public String names(List<MemberId> members) {
    return members.stream()
        .map(id -> team.find(id).map(Member::displayName).orElse(id.value()))
        .collect(Collectors.joining(", "));
  }

  private List<MemberId> members(ActionParty party, Alert alert, Instant now) {
    if (party instanceof ActionParty.Person p) {
      return team.find(p.member()).isPresent() ? List.of(p.member()) : List.of();
    }
    return switch ((ActionParty.Role) party) {
      case MEMBERS -> team.members().stream().map(Member::id).toList();
      case TEAM_LEAD -> team.teamLeads().stream().map(Member::id).toList();
      case PIPELINE_OWNER -> policies.pipelineOf(alert).map(Pipeline::owners).orElse(List.of());
      case LEVEL_2 -> onCall(alert, Position.SECONDARY, now).stream().toList();
      case ON_CALL -> onCall(alert, Position.PRIMARY, now).stream().toList();
    };
  }

  private Optional<MemberId> onCall(Alert alert, Position position, Instant now) {
    return alert
        .routedRotation()
        .flatMap(directory::find)
        .flatMap(r -> directory.resolver(r, now).assignmentAt(position, now))
        .map(Assignment::member);
  }
}
