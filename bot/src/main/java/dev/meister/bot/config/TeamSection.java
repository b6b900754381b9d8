package dev.meister.bot.config;

import dev.meister.core.team.ChatIdentities;
import dev.meister.core.team.Member;
import dev.meister.core.team.MemberId;
import dev.meister.core.team.Role;
import dev.meister.core.team.Team;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Reads {@code team.members}; remembers every declared id so references can be checked. */
final class TeamSection {
  private static final List<String> TEAM_KEYS = List.of("members");
  private static final List<String> MEMBER_KEYS =
      List.of("name", "telegram", "telegram_id", "slack", "discord", "github", "email", "roles");
  private static final List<String> ROLES = List.of("team_lead", "member");

  private final Problems problems;
  private final Set<String> declared = new LinkedHashSet<>();
  private final List<Member> members = new ArrayList<>();
  private final Map<Long, String> telegramIds = new HashMap<>();

  TeamSection(Problems problems) {
    this.problems = problems;
  }

  Team read(@Nullable YNode node, int rootLine) {
    if (node == null) {
      problems.add(rootLine, "team", "missing required section 'team'");
      return new Team(List.of());
    }
    Fields team = Fields.of(node, "team", problems, TEAM_KEYS);
    Fields all = team == null ? null : team.anyKeysMap("members", true);
    if (all != null) {
      for (String id : all.keys()) {
        declared.add(id);
        member(id, all);
      }
      if (all.keys().isEmpty()) {
        problems.add(all.line(), all.path(), "the team needs at least one member");
      }
    }
    return new Team(members);
  }

  /** The member declared as {@code id}, if one is: a pipeline's other parties are free text. */
  java.util.Optional<MemberId> known(String id) {
    return members.stream().map(Member::id).filter(m -> m.value().equals(id)).findFirst();
  }

  /**
   * Checks that {@code node} names a team member; {@code null} if not. A member declared with
   * mistakes is not reported again here.
   */
  @Nullable MemberId reference(YNode node, String path) {
    String id = Fields.scalar(node, path, problems);
    if (id == null) {
      return null;
    }
    if (!declared.contains(id)) {
      problems.add(
          node, path, "unknown member '" + id + "'" + Suggestions.didYouMean(id, declared));
      return null;
    }
    return members.stream()
        .map(Member::id)
        .filter(m -> m.value().equals(id))
        .findFirst()
        .orElse(null);
  }

  private void member(String id, Fields all) {
    String path = all.path(id);
    int before = problems.count();
    MemberId memberId = null;
    try {
      memberId = MemberId.of(id);
    } catch (IllegalArgumentException e) {
      problems.add(all.keyLine(id), path, String.valueOf(e.getMessage()));
    }
    YNode node = all.node(id, true);
    Fields f = node == null ? null : Fields.of(node, path, problems, MEMBER_KEYS);
    if (f == null || memberId == null) {
      return;
    }
    String name = f.text("name", true);
    Long telegramId = f.value("telegram_id", false, Values::integer);
    if (telegramId != null) {
      String other = telegramIds.putIfAbsent(telegramId, id);
      if (other != null) {
        problems.add(
            f.located("telegram_id"),
            f.path("telegram_id"),
            "telegram_id " + telegramId + " is also used by member '" + other + "'");
      }
    }
    ChatIdentities chat =
        new ChatIdentities(
            f.text("telegram", false),
            telegramId,
            f.text("slack", false),
            f.text("discord", false));
    Set<Role> roles = roles(f);
    if (name == null || problems.count() > before) {
      return;
    }
    try {
      members.add(
          new Member(memberId, name, chat, f.text("github", false), roles, f.text("email", false)));
    } catch (IllegalArgumentException e) {
      problems.add(f.line(), path, String.valueOf(e.getMessage()));
    }
  }

  private Set<Role> roles(Fields f) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    YSeq list = f.list("roles", false);
    if (list != null) {
      for (int i = 0; i < list.items().size(); i++) {
        Role role =
            Fields.parse(
                list.items().get(i),
                Problems.item(f.path("roles"), i),
                problems,
                text -> Values.choice(Role.class, text, ROLES));
        if (role != null) {
          roles.add(role);
        }
      }
    }
    return roles;
  }
}
