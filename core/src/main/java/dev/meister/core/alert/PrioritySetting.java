package dev.meister.core.alert;

import java.util.List;
import java.util.Optional;

/**
 * What a priority rule or a route gives the alerts it matches: a level on the team's {@link
 * PriorityScale} and, separately, who is tagged at once.
 *
 * @param level a level on the scale; empty to leave the level to others (in the end, the filing
 *     rule's default label)
 * @param tags who is pinged at once, e.g. the team lead; empty for nobody beyond the on-call
 */
public record PrioritySetting(Optional<String> level, List<Tag> tags) {
  /** Sets nothing. */
  public static final PrioritySetting NONE = new PrioritySetting(Optional.empty(), List.of());

  public PrioritySetting {
    tags = List.copyOf(tags);
  }

  /**
   * The deprecated {@code priority: high}: before levels and tags were separate it meant both the
   * most urgent level and tagging the team lead, so old configurations keep doing exactly that.
   */
  public static PrioritySetting legacyHigh(PriorityScale scale) {
    return new PrioritySetting(Optional.of(scale.highest()), List.of(Tag.teamLead()));
  }

  /** Only a level. */
  public static PrioritySetting level(String level) {
    return new PrioritySetting(Optional.of(level), List.of());
  }
}
