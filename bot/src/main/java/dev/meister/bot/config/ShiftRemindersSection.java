package dev.meister.bot.config;

import dev.meister.core.schedule.Rotation;
import dev.meister.core.shift.ShiftReminderRule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@code shift_reminders}: per rotation, how long {@code before} a shift its incoming member
 * is reminded (default a day), whether the rotation uses the hand-off {@code handshake} (default
 * yes; without it the chat hears "@bob is on call now" at each boundary), and the on-call
 * transition {@code meeting} the reminder proposes (e.g. {@code 30m}).
 */
final class ShiftRemindersSection {
  private static final List<String> KEYS = List.of("before", "handshake", "meeting");
  private static final Duration DEFAULT_BEFORE = Duration.ofDays(1);

  private final Problems problems;
  private final RotationSection rotations;

  ShiftRemindersSection(Problems problems, RotationSection rotations) {
    this.problems = problems;
    this.rotations = rotations;
  }

  List<ShiftReminderRule> read(@Nullable Fields top) {
    List<ShiftReminderRule> rules = new ArrayList<>();
    if (top == null) {
      return rules;
    }
    for (String id : top.keys()) {
      Rotation rotation = rotations.reference(new YScalar(top.keyLine(id), id), top.path(id));
      YNode node = top.node(id, false);
      Fields f = node == null ? null : Fields.of(node, top.path(id), problems, KEYS);
      Duration before = f == null ? null : f.value("before", false, Durations::positive);
      Duration meeting = f == null ? null : f.value("meeting", false, Durations::positive);
      boolean handshake = f == null || f.flag("handshake", true);
      if (rotation != null) {
        rules.add(
            new ShiftReminderRule(
                rotation.id(),
                before == null ? DEFAULT_BEFORE : before,
                handshake,
                Optional.ofNullable(meeting)));
      }
    }
    return rules;
  }
}
