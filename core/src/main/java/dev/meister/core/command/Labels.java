package dev.meister.core.command;

import dev.meister.core.schedule.Assignment;
import dev.meister.core.schedule.Source;
import dev.meister.core.team.Team;

/** Words for on-call facts as they appear in replies. */
final class Labels {
  private Labels() {}

  static String name(Team team, Assignment a) {
    return team.find(a.member()).map(m -> m.displayName()).orElse(a.member().value());
  }

  /** Empty for the regular roster; " (override)" etc. otherwise. */
  static String source(Source source) {
    switch (source) {
      case REGULAR:
        return "";
      case WEEKEND:
        return " (weekend)";
      case SWAP:
        return " (swap)";
      case COVER:
        return " (covering)";
      default:
        return " (override)";
    }
  }
}
