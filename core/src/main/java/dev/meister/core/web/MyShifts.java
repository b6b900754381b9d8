package dev.meister.core.web;

import dev.meister.core.team.Member;
import java.util.ArrayList;
import java.util.List;

/** The "/me" page: a member's own shifts in every rotation over the timelines' period. */
public record MyShifts(String member, String name, List<Shift> shifts) {
  public MyShifts {
    shifts = List.copyOf(shifts);
  }

  /** One of their shifts: in which rotation and layer, when, and why if not the roster's. */
  public record Shift(
      String rotation, String layer, String start, String end, boolean changed, String title) {}

  public static MyShifts of(Member member, List<Timeline> timelines) {
    List<Shift> shifts = new ArrayList<>();
    for (Timeline t : timelines) {
      for (Timeline.Lane lane : t.lanes()) {
        for (Timeline.Block b : lane.blocks()) {
          if (b.member().equals(member.id().value())) {
            shifts.add(
                new Shift(t.name(), lane.name(), b.start(), b.end(), b.changed(), b.title()));
          }
        }
      }
    }
    return new MyShifts(member.id().value(), member.displayName(), shifts);
  }
}
