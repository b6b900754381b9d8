package dev.meister.core.alert;

import dev.meister.core.team.Member;
import dev.meister.core.team.MemberId;
import dev.meister.core.team.Role;
import dev.meister.core.team.Team;
import java.util.List;

/**
 * Who a priority rule pings at once when an alert matches: everyone with a role (seed 000: "ping
 * the channel by tagging the team leader") or one member. Separate from the level, since seed 000
 * makes every Tokyo failure highest priority but tags the lead only for {@code bid_ask}/OHLCV.
 */
public sealed interface Tag {
  /** The team lead role, the tag of the deprecated {@code priority: high}. */
  static Tag teamLead() {
    return new OfRole(Role.TEAM_LEAD);
  }

  /** The members this tag names on {@code team}, in the team's order. */
  List<MemberId> members(Team team);

  /** Everyone with {@code role}. */
  record OfRole(Role role) implements Tag {
    @Override
    public List<MemberId> members(Team team) {
      return team.members().stream().filter(m -> m.roles().contains(role)).map(Member::id).toList();
    }
  }

  /** One member, by id. */
  record OfMember(MemberId member) implements Tag {
    @Override
    public List<MemberId> members(Team team) {
      return team.find(member).map(m -> List.of(m.id())).orElse(List.of());
    }
  }
}
