package dev.meister.bot.config;

import dev.meister.core.alert.PriorityScale;
import dev.meister.core.alert.PrioritySetting;
import dev.meister.core.alert.Tag;
import dev.meister.core.team.MemberId;
import dev.meister.core.team.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Reads the priority keys of a route or a priority rule: {@code level} (a level of {@code
 * priorities}), {@code tag} (roles or member ids pinged at once) and the deprecated {@code
 * priority: high}, which means the highest level and tagging the team lead.
 */
final class PrioritySettings {
  /** The spellings of the deprecated {@code priority:} values. */
  private static final String HIGH = "high";

  private static final String NORMAL = "normal";

  private final Problems problems;
  private final TeamSection team;
  private final PriorityScale scale;

  PrioritySettings(Problems problems, TeamSection team, PriorityScale scale) {
    this.problems = problems;
    this.team = team;
    this.scale = scale;
  }

  /** The scale levels are checked against. */
  PriorityScale scale() {
    return scale;
  }

  /**
   * A priority rule's {@code level}, {@code tag} and deprecated {@code priority}; {@code null} when
   * any has a mistake or the rule sets nothing.
   */
  @Nullable PrioritySetting rule(Fields f) {
    int before = problems.count();
    if (f.has("priority") && (f.has("level") || f.has("tag"))) {
      problems.add(
          f.located("priority"),
          f.path("priority"),
          "'priority' is the deprecated spelling of 'level' and 'tag'; write only those");
      return null;
    }
    if (!f.has("priority") && !f.has("level") && !f.has("tag")) {
      problems.add(
          f.line(),
          f.path(),
          "a priority rule needs a 'level' (one of " + scale.describe() + "), a 'tag', or both");
      return null;
    }
    PrioritySetting setting =
        f.has("priority")
            ? f.value("priority", true, this::legacyOrLevel)
            : new PrioritySetting(
                Optional.ofNullable(f.value("level", false, this::level)), tags(f));
    return problems.count() > before ? null : setting;
  }

  /**
   * A route's {@code priority} (a level, or the deprecated {@code high}/{@code normal}) and {@code
   * tag}; {@link PrioritySetting#NONE} when it sets neither, {@code null} on a mistake.
   */
  @Nullable PrioritySetting route(Fields f) {
    int before = problems.count();
    PrioritySetting priority = f.value("priority", false, this::legacyOrLevel);
    List<Tag> tags = tags(f);
    if (problems.count() > before) {
      return null;
    }
    PrioritySetting base = priority == null ? PrioritySetting.NONE : priority;
    List<Tag> all = new ArrayList<>(base.tags());
    tags.stream().filter(t -> !all.contains(t)).forEach(all::add);
    return new PrioritySetting(base.level(), all);
  }

  /** A label of the scale, as the scale spells it. */
  String level(String text) {
    return scale
        .level(text)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "'" + text + "' is not a level of priorities (" + scale.describe() + ")"));
  }

  /** A level, or {@code high}/{@code normal} as earlier versions wrote them. */
  private PrioritySetting legacyOrLevel(String text) {
    Optional<String> level = scale.level(text);
    if (level.isPresent()) {
      return PrioritySetting.level(level.get());
    }
    return switch (text.toLowerCase(Locale.ROOT)) {
      case HIGH -> PrioritySetting.legacyHigh(scale);
      case NORMAL -> PrioritySetting.NONE;
      default ->
          throw new IllegalArgumentException(
              "'"
                  + text
                  + "' must be a level of priorities ("
                  + scale.describe()
                  + "), or the deprecated high or normal");
    };
  }

  /** {@code tag: team_lead} or {@code tag: [team_lead, alice]}: roles and member ids. */
  private List<Tag> tags(Fields f) {
    YNode node = f.node("tag", false);
    if (node == null) {
      return List.of();
    }
    List<YNode> items = node instanceof YSeq seq ? seq.items() : List.of(node);
    List<Tag> tags = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      String path = node instanceof YSeq ? Problems.item(f.path("tag"), i) : f.path("tag");
      Tag tag = tag(items.get(i), path);
      if (tag != null && !tags.contains(tag)) {
        tags.add(tag);
      }
    }
    return tags;
  }

  private @Nullable Tag tag(YNode item, String path) {
    String text = Fields.scalar(item, path, problems);
    if (text == null) {
      return null;
    }
    for (Role role : Role.values()) {
      if (role.name().equalsIgnoreCase(text)) {
        return new Tag.OfRole(role);
      }
    }
    MemberId member = team.reference(item, path);
    return member == null ? null : new Tag.OfMember(member);
  }
}
