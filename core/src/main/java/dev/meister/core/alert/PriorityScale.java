package dev.meister.core.alert;

import dev.meister.core.validation.Checks;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The team's priority levels, highest first; each is also the GitHub label its issues carry.
 *
 * <p>Teams disagree on the direction: seed 001 (Hausmeister) has "P4 Very high priority … P3 High
 * priority … P2/P1 Medium/low priority", so its scale is {@code [P4, P3, P2, P1]}; many other teams
 * use P1 = critical, the default {@code [P1, P2, P3, P4]}. Every rule that reasons about priority
 * asks the scale, never the label's digit.
 *
 * @param levels distinct labels, highest first, at least one
 */
public record PriorityScale(List<String> levels) {
  /** P1 is the most urgent: the convention of most teams, used when the config names no scale. */
  public static final PriorityScale DEFAULT = new PriorityScale(List.of("P1", "P2", "P3", "P4"));

  public PriorityScale {
    levels = List.copyOf(levels);
    if (levels.isEmpty()) {
      throw new IllegalArgumentException("a priority scale needs at least one level");
    }
    Set<String> seen = new HashSet<>();
    for (String level : levels) {
      Checks.notBlank(level, "priority level");
      if (!seen.add(level.toLowerCase(Locale.ROOT))) {
        throw new IllegalArgumentException("priority level '" + level + "' is listed twice");
      }
    }
  }

  /** The most urgent level, e.g. P4 on seed 001's scale. */
  public String highest() {
    return levels.get(0);
  }

  /** The least urgent level. */
  public String lowest() {
    return levels.get(levels.size() - 1);
  }

  /** The {@code n} most urgent levels, e.g. {@code [P4, P3]} for seed 001's "P4-P3 issues". */
  public List<String> top(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("n must not be negative");
    }
    return levels.subList(0, Math.min(n, levels.size()));
  }

  /** The level as the scale spells it, matched case-insensitively ({@code p4} → {@code P4}). */
  public Optional<String> level(String text) {
    String t = text.strip();
    return levels.stream().filter(l -> l.equalsIgnoreCase(t)).findFirst();
  }

  /** 0 for the highest level, then 1, 2, …; empty when {@code level} is not on the scale. */
  public Optional<Integer> rank(String level) {
    return level(level).map(levels::indexOf);
  }

  /** True when {@code level} is on the scale and at least as urgent as {@code threshold}. */
  public boolean atLeast(String level, String threshold) {
    Optional<Integer> r = rank(level);
    Optional<Integer> t = rank(threshold);
    return r.isPresent() && t.isPresent() && r.get() <= t.get();
  }

  /**
   * Orders labels most urgent first; labels not on the scale (or none) come after every level, in
   * their given order (the comparator is stable for them).
   */
  public Comparator<Optional<String>> highestFirst() {
    return Comparator.comparingInt(p -> p.flatMap(this::rank).orElse(levels.size()));
  }

  /** "P4, P3, P2, P1", for usage answers and config problems. */
  public String describe() {
    return String.join(", ", levels);
  }

  /** The levels of {@code texts} as spelled on the scale, or the first text not on it. */
  public Levels parse(List<String> texts) {
    List<String> out = new ArrayList<>();
    for (String t : texts) {
      Optional<String> l = level(t);
      if (l.isEmpty()) {
        return new Levels(List.copyOf(out), Optional.of(t));
      }
      out.add(l.get());
    }
    return new Levels(List.copyOf(out), Optional.empty());
  }

  /**
   * The outcome of {@link #parse}.
   *
   * @param levels the levels read, in order
   * @param unknown the first text that is not on the scale
   */
  public record Levels(List<String> levels, Optional<String> unknown) {}
}
