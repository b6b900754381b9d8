package dev.meister.core.schedule;

import dev.meister.core.team.MemberId;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/** Decides whether a swap names two real shifts of its layer, and which ones. */
final class SwapCheck {
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm", Locale.ROOT);

  private final Rotation rotation;
  private final ShiftCalendar shifts;
  private final @Nullable WeekendCalendar weekends;

  SwapCheck(Rotation rotation, ShiftCalendar shifts, @Nullable WeekendCalendar weekends) {
    this.rotation = rotation;
    this.shifts = shifts;
    this.weekends = weekends;
  }

  /** Everything wrong with {@code swap}, in words a chat user understands; empty if it is fine. */
  List<String> problems(Swap swap) {
    List<String> problems = new ArrayList<>();
    if (!swap.rotation().equals(rotation.id())) {
      problems.add(
          "the swap is for rotation '" + swap.rotation() + "', not '" + rotation.id() + "'");
      return problems;
    }
    Roster roster = roster(swap.layer());
    if (roster == null) {
      problems.add(
          "rotation '" + rotation.id() + "' has no " + layerName(swap.layer()) + " shifts");
      return problems;
    }
    OptionalLong first = shiftStartingAt(swap.layer(), swap.firstShiftStart());
    OptionalLong second = shiftStartingAt(swap.layer(), swap.secondShiftStart());
    if (first.isEmpty()) {
      problems.add(notAStart(swap.layer(), swap.firstShiftStart()));
    }
    if (second.isEmpty()) {
      problems.add(notAStart(swap.layer(), swap.secondShiftStart()));
    }
    if (first.isPresent() && second.isPresent()) {
      MemberId member = roster.at(first.getAsLong());
      if (member.equals(roster.at(second.getAsLong()))) {
        problems.add("both shifts belong to " + member + "; there is nothing to swap");
      }
    }
    return problems;
  }

  /** The index of the shift of {@code layer} starting exactly at {@code start}, if there is one. */
  OptionalLong shiftStartingAt(SwapLayer layer, Instant start) {
    if (layer == SwapLayer.WEEKEND) {
      return weekends == null ? OptionalLong.empty() : weekends.occurrenceStartingAt(start);
    }
    return shifts.startsAt(start) ? OptionalLong.of(shifts.indexAt(start)) : OptionalLong.empty();
  }

  @Nullable Roster roster(SwapLayer layer) {
    return switch (layer) {
      case PRIMARY -> rotation.primary();
      case SECONDARY -> rotation.secondary();
      default -> rotation.weekendLayer().map(WeekendLayer::roster).orElse(null);
    };
  }

  private String notAStart(SwapLayer layer, Instant instant) {
    return WHEN.format(instant.atZone(rotation.zone()))
        + " ("
        + rotation.zone()
        + ") is not the start of a "
        + layerName(layer)
        + " shift of '"
        + rotation.id()
        + "'";
  }

  private static String layerName(SwapLayer layer) {
    return switch (layer) {
      case PRIMARY -> "primary";
      case SECONDARY -> "Level-2";
      default -> "weekend";
    };
  }
}
