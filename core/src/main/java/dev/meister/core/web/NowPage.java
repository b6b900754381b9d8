package dev.meister.core.web;

import dev.meister.core.schedule.Assignment;
import dev.meister.core.schedule.Labels;
import dev.meister.core.schedule.OnCall;
import dev.meister.core.schedule.OnCallDirectory;
import dev.meister.core.schedule.Rotation;
import dev.meister.core.schedule.TimeFormat;
import dev.meister.core.team.Team;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The "Now" page: {@code /whoisoncall} for every rotation, computed by the same resolver.
 *
 * @param at the moment it shows
 */
public record NowPage(Instant at, List<RotationNow> rotations) {
  public NowPage {
    rotations = List.copyOf(rotations);
  }

  /** One rotation's on-call now and next. */
  public record RotationNow(
      String id, String name, String zone, Slot primary, Optional<Slot> level2, Slot next) {}

  /**
   * Who holds a position.
   *
   * @param source e.g. " (override)", empty for the regular roster
   * @param when "until …" for the current holders, "from …" for the next
   */
  public record Slot(String member, String name, String source, String when) {}

  public static NowPage of(OnCallDirectory directory, Team team) {
    Instant at = directory.now();
    List<RotationNow> rows = new ArrayList<>();
    for (Rotation r : directory.rotations()) {
      OnCall onCall = directory.resolver(r, at).onCallAt(at);
      rows.add(
          new RotationNow(
              r.id().value(),
              r.displayName(),
              r.zone().getId(),
              slot(
                  team,
                  onCall.primary(),
                  "until " + TimeFormat.at(onCall.primary().end(), r.zone())),
              onCall
                  .secondaryAssignment()
                  .map(l2 -> slot(team, l2, "until " + TimeFormat.at(l2.end(), r.zone()))),
              slot(
                  team,
                  onCall.nextPrimary(),
                  "from " + TimeFormat.at(onCall.nextPrimary().start(), r.zone()))));
    }
    return new NowPage(at, rows);
  }

  private static Slot slot(Team team, Assignment a, String when) {
    return new Slot(a.member().value(), Labels.name(team, a), Labels.source(a.source()), when);
  }
}
