package dev.meister.core.alert;

import java.util.List;
import java.util.Optional;

/**
 * How urgent a stored alert is, as decided when it came in: its level on the team's scale, whether
 * that level was the scale's highest, and who is tagged at once.
 *
 * <p>An alert at the highest level is <em>urgent</em>: seed 001's top level is "Stop everything and
 * pull in other people" and seed 000 says "All the failures from region {@code tokyo} are of
 * highest priority and needs to be resolved ASAP". Urgent alerts say "HIGHEST PRIORITY", are never
 * folded into a storm digest and escalate straight to the team lead. Tags are separate: they only
 * mention people at once (and so keep the alert out of digests, where a mention would be lost).
 *
 * @param level the level on the scale; empty when no rule or route set one (the issue then gets the
 *     filing rule's label)
 * @param highest whether {@code level} was the scale's highest when the alert came in: stored, so a
 *     later edit of the scale does not change how an alert already posted escalates
 * @param tags who the alert mentions at once
 */
public record AlertPriority(Optional<String> level, boolean highest, List<Tag> tags) {
  /** No level, nobody tagged: an ordinary alert. */
  public static final AlertPriority NONE = new AlertPriority(Optional.empty(), false, List.of());

  public AlertPriority {
    tags = List.copyOf(tags);
  }

  /** {@code level} on {@code scale}, with {@code tags}. */
  public static AlertPriority of(PriorityScale scale, Optional<String> level, List<Tag> tags) {
    return new AlertPriority(level, level.map(scale.highest()::equals).orElse(false), tags);
  }

  /**
   * An alert an earlier version stored as HIGH, before alerts had levels: it was urgent and tagged
   * the team lead; its level is unknown.
   */
  public static AlertPriority legacyHigh() {
    return new AlertPriority(Optional.empty(), true, List.of(Tag.teamLead()));
  }

  /** At the scale's highest level: never folded, escalates straight to the team lead. */
  public boolean urgent() {
    return highest;
  }

  /** Whether it must be posted on its own even in a storm: it is urgent or it mentions someone. */
  public boolean ownMessage() {
    return highest || !tags.isEmpty();
  }
}
