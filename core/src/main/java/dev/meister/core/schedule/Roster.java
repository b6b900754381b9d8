package dev.meister.core.schedule;

import dev.meister.core.team.MemberId;
import dev.meister.core.validation.Checks;
import java.util.List;

/** The ordered members who take turns in one layer; member #1 takes the first shift. */
public record Roster(List<MemberId> members) {
  public Roster {
    Checks.notEmpty(members, "roster");
    members = List.copyOf(members);
  }

  public static Roster of(String... ids) {
    return new Roster(java.util.Arrays.stream(ids).map(MemberId::of).toList());
  }

  /**
   * The member whose turn is shift {@code index}; negative indexes count back before the anchor.
   */
  public MemberId at(long index) {
    return members.get((int) Math.floorMod(index, (long) members.size()));
  }

  public int size() {
    return members.size();
  }
}
