package dev.meister.bot.config;

import dev.meister.core.schedule.Position;
import dev.meister.core.schedule.Rotation;
import dev.meister.core.schedule.ScheduleOverride;
import dev.meister.core.schedule.Unavailability;
import dev.meister.core.team.MemberId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Reads {@code overrides} and {@code unavailability}: changes to the regular schedule. */
final class ChangesSection {
  private static final List<String> OVERRIDE_KEYS =
      List.of("rotation", "position", "member", "covers", "from", "to", "reason");
  private static final List<String> UNAVAILABILITY_KEYS =
      List.of("member", "from", "to", "covered_by", "reason");

  private final Problems problems;
  private final TeamSection team;
  private final RotationSection rotations;

  /** An override with where it was written, to point at both sides of an overlap. */
  private record Located(ScheduleOverride override, String path, int line) {}

  ChangesSection(Problems problems, TeamSection team, RotationSection rotations) {
    this.problems = problems;
    this.team = team;
    this.rotations = rotations;
  }

  List<ScheduleOverride> overrides(@Nullable YNode node) {
    List<Located> read = new ArrayList<>();
    for (Fields f : Fields.mappings(node, "overrides", problems, OVERRIDE_KEYS)) {
      ScheduleOverride override = override(f);
      if (override != null) {
        for (Located earlier : read) {
          if (earlier.override().overlaps(override)) {
            problems.add(
                f.line(),
                f.path(),
                "overlaps "
                    + earlier.path()
                    + " (line "
                    + earlier.line()
                    + ") for "
                    + override.rotation()
                    + " "
                    + override.position().name().toLowerCase(Locale.ROOT));
          }
        }
        read.add(new Located(override, f.path(), f.line()));
      }
    }
    return read.stream().map(Located::override).toList();
  }

  List<Unavailability> unavailability(@Nullable YNode node) {
    List<Unavailability> read = new ArrayList<>();
    for (Fields f : Fields.mappings(node, "unavailability", problems, UNAVAILABILITY_KEYS)) {
      MemberId member = member(f, "member", true);
      LocalDate from = f.value("from", true, Values::date);
      LocalDate to = f.value("to", true, Values::date);
      MemberId coveredBy = member(f, "covered_by", false);
      String reason = f.text("reason", false);
      if (member == null
          || from == null
          || to == null
          || (f.has("covered_by") && coveredBy == null)) {
        continue;
      }
      try {
        read.add(new Unavailability(null, member, from, to, coveredBy, reason));
      } catch (IllegalArgumentException e) {
        problems.add(f.line(), f.path(), String.valueOf(e.getMessage()));
      }
    }
    return read;
  }

  private @Nullable ScheduleOverride override(Fields f) {
    YNode rotationNode = f.node("rotation", true);
    Rotation rotation =
        rotationNode == null ? null : rotations.reference(rotationNode, f.path("rotation"));
    Position parsed = f.value("position", false, t -> Values.choice(Position.class, t));
    Position position = parsed == null ? Position.PRIMARY : parsed;
    MemberId member = member(f, "member", true);
    MemberId covers = member(f, "covers", false);
    String reason = f.text("reason", false);
    if (rotation == null) {
      // the times cannot be read without the rotation's zone; check their shape only
      f.value("from", true, t -> Values.moment(t, java.time.ZoneOffset.UTC));
      f.value("to", true, t -> Values.moment(t, java.time.ZoneOffset.UTC));
      return null;
    }
    Instant from = f.value("from", true, t -> Values.moment(t, rotation.zone()));
    Instant to = f.value("to", true, t -> Values.moment(t, rotation.zone()));
    if (position == Position.SECONDARY && rotation.secondaryRoster().isEmpty()) {
      problems.add(
          f.located("position"),
          f.path("position"),
          "rotation '" + rotation.id() + "' has no secondary roster");
      return null;
    }
    if (member == null || from == null || to == null || (f.has("covers") && covers == null)) {
      return null;
    }
    try {
      return new ScheduleOverride(null, rotation.id(), position, member, covers, from, to, reason);
    } catch (IllegalArgumentException e) {
      problems.add(f.line(), f.path(), String.valueOf(e.getMessage()));
      return null;
    }
  }

  private @Nullable MemberId member(Fields f, String key, boolean required) {
    YNode node = f.node(key, required);
    return node == null ? null : team.reference(node, f.path(key));
  }
}
