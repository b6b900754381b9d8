package dev.meister.core.schedule;

import dev.meister.core.team.Team;

/** Words for on-call facts as they appear in replies. */
public final class Labels {
  private Labels() {}

  /** The member's display name, or their id if they left the team. */
  public static String name(Team team, Assignment a) {
    return team.find(a.member()).map(m -> m.displayName()).orElse(a.member().value());
  }

  /** Empty for the regular roster; " (override)" etc. otherwise. */
  public static String source(Source source) {
    return switch (source) {
      case REGULAR -> "";
      case WEEKEND -> " (weekend)";
      case SWAP -> " (swap)";
      case COVER -> " (covering)";
      default -> " (override)";
    };
  }
}
