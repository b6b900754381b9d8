package dev.meister.core.web;

import dev.meister.core.schedule.Assignment;
import dev.meister.core.schedule.Labels;
import dev.meister.core.schedule.OnCallDirectory;
import dev.meister.core.schedule.OnCallResolver;
import dev.meister.core.schedule.Position;
import dev.meister.core.schedule.Rotation;
import dev.meister.core.schedule.Source;
import dev.meister.core.schedule.TimeFormat;
import dev.meister.core.team.MemberId;
import dev.meister.core.team.Team;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The "Schedule" page of one rotation: a timeline from now over some weeks, one lane per layer
 * (primary, Level 2, weekend), each block placed by percent of the period so the template draws it
 * as HTML blocks without any arithmetic of its own.
 *
 * @param ticks the hand-off moments in the period, in the rotation's zone
 */
public record Timeline(
    String rotation,
    String name,
    String zone,
    Instant from,
    Instant to,
    String fromText,
    String toText,
    List<Lane> lanes,
    List<Tick> ticks) {
  public static final int DEFAULT_WEEKS = 8;
  public static final int MAX_WEEKS = 26;

  public Timeline {
    lanes = List.copyOf(lanes);
    ticks = List.copyOf(ticks);
  }

  /** A layer of the rotation and its blocks, in time order. */
  public record Lane(String name, List<Block> blocks) {
    public Lane {
      blocks = List.copyOf(blocks);
    }
  }

  /**
   * One assignment drawn.
   *
   * @param left where it starts, in percent of the period
   * @param width how long it lasts, in percent of the period
   * @param changed whether an override, swap or cover made it (drawn marked)
   * @param title the tooltip: who, when, and why when it differs from the roster
   */
  public record Block(
      String member,
      String name,
      Source source,
      String start,
      String end,
      double left,
      double width,
      boolean changed,
      String title) {}

  /** A hand-off moment, placed like a block. */
  public record Tick(double left, String label) {}

  public static Timeline of(
      OnCallDirectory directory, Team team, Rotation rotation, Instant from, int weeks) {
    Instant to = from.plus(Duration.ofDays(7L * weeks));
    OnCallResolver resolver = directory.resolver(rotation, from);
    ZoneId zone = rotation.zone();
    List<Assignment> primary = resolver.between(Position.PRIMARY, from, to);
    List<Lane> lanes = new ArrayList<>();
    lanes.add(lane("Primary", primary, a -> a.source() != Source.WEEKEND, team, zone, from, to));
    if (rotation.secondaryRoster().isPresent()) {
      lanes.add(
          lane(
              "Level 2",
              resolver.between(Position.SECONDARY, from, to),
              a -> true,
              team,
              zone,
              from,
              to));
    }
    if (rotation.weekendLayer().isPresent()) {
      lanes.add(lane("Weekend", primary, a -> a.source() == Source.WEEKEND, team, zone, from, to));
    }
    List<Tick> ticks = new ArrayList<>();
    for (Assignment a : primary) {
      if (a.start().isAfter(from) && a.source() == Source.REGULAR) {
        ticks.add(new Tick(percent(from, to, a.start()), TimeFormat.at(a.start(), zone)));
      }
    }
    return new Timeline(
        rotation.id().value(),
        rotation.displayName(),
        zone.getId(),
        from,
        to,
        TimeFormat.at(from, zone),
        TimeFormat.at(to, zone),
        lanes,
        ticks);
  }

  /** The blocks of {@code member} in every lane, for "my shifts". */
  public List<Block> blocksOf(MemberId member) {
    List<Block> mine = new ArrayList<>();
    for (Lane l : lanes) {
      for (Block b : l.blocks()) {
        if (b.member().equals(member.value())) {
          mine.add(b);
        }
      }
    }
    return mine;
  }

  /** The lane named {@code name}, if the rotation has that layer. */
  public Optional<Lane> lane(String name) {
    return lanes.stream().filter(l -> l.name().equals(name)).findFirst();
  }

  private static Lane lane(
      String name,
      List<Assignment> assignments,
      Predicate<Assignment> shown,
      Team team,
      ZoneId zone,
      Instant from,
      Instant to) {
    List<Block> blocks = new ArrayList<>();
    for (Assignment a : assignments) {
      if (!shown.test(a)) {
        continue;
      }
      Instant start = a.start().isBefore(from) ? from : a.start();
      Instant end = a.end().isAfter(to) ? to : a.end();
      String who = Labels.name(team, a);
      String startText = TimeFormat.at(a.start(), zone);
      String endText = TimeFormat.at(a.end(), zone);
      blocks.add(
          new Block(
              a.member().value(),
              who,
              a.source(),
              startText,
              endText,
              percent(from, to, start),
              percent(from, to, end) - percent(from, to, start),
              changed(a.source()),
              name + ": " + who + ", " + startText + " → " + endText + why(a.source())));
    }
    return new Lane(name, blocks);
  }

  private static boolean changed(Source s) {
    return s == Source.OVERRIDE || s == Source.SWAP || s == Source.COVER;
  }

  /** The tooltip's explanation of a block that differs from the roster. */
  static String why(Source s) {
    return switch (s) {
      case OVERRIDE -> " (override: someone else took this time over)";
      case SWAP -> " (swap: two people exchanged these shifts)";
      case COVER -> " (covering: the rostered member is unavailable)";
      case WEEKEND -> " (weekend layer)";
      case REGULAR -> "";
    };
  }

  private static double percent(Instant from, Instant to, Instant t) {
    double total = Duration.between(from, to).toMillis();
    double at = Duration.between(from, t).toMillis();
    return Math.round(at / total * 10000.0) / 100.0;
  }
}
