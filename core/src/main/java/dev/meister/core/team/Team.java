package dev.meister.core.team;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** All members of one team, looked up by id or by a chat identity. */
public final class Team {
  private final Map<MemberId, Member> members;
  private final List<MemberId> order;

  public Team(List<Member> members) {
    Map<MemberId, Member> byId = new LinkedHashMap<>();
    for (Member m : members) {
      if (byId.put(m.id(), m) != null) {
        throw new IllegalArgumentException("member '" + m.id() + "' is listed twice");
      }
    }
    this.members = Map.copyOf(byId);
    this.order = List.copyOf(byId.keySet());
  }

  public List<Member> members() {
    List<Member> all = new ArrayList<>();
    for (MemberId id : order) {
      all.add(members.get(id));
    }
    return all;
  }

  public Optional<Member> find(MemberId id) {
    return Optional.ofNullable(members.get(id));
  }

  /** The member with this id; for ids already validated against the team. */
  public Member get(MemberId id) {
    Member m = members.get(id);
    if (m == null) {
      throw new IllegalArgumentException("no team member '" + id + "'");
    }
    return m;
  }

  public List<Member> teamLeads() {
    return members().stream().filter(Member::isTeamLead).toList();
  }

  public Optional<Member> findByTelegram(@Nullable Long userId, @Nullable String username) {
    for (Member m : members()) {
      ChatIdentities c = m.chat();
      if (userId != null && userId.equals(c.telegramUserId())) {
        return Optional.of(m);
      }
    }
    if (username != null) {
      String wanted = stripAt(username).toLowerCase(Locale.ROOT);
      for (Member m : members()) {
        String u = m.chat().telegramUsername();
        if (u != null && u.toLowerCase(Locale.ROOT).equals(wanted)) {
          return Optional.of(m);
        }
      }
    }
    return Optional.empty();
  }

  public Optional<Member> findBySlack(String userId) {
    return members().stream().filter(m -> userId.equals(m.chat().slackUserId())).findFirst();
  }

  public Optional<Member> findByDiscord(String userId) {
    return members().stream().filter(m -> userId.equals(m.chat().discordUserId())).findFirst();
  }

  /**
   * Resolves what a person typed to mean a member: {@code @alice}, {@code alice}, a Telegram
   * username or a display name, case-insensitively.
   */
  public Optional<Member> findByHandle(String handle) {
    String wanted = stripAt(handle.trim()).toLowerCase(Locale.ROOT);
    for (Member m : members()) {
      String tg = m.chat().telegramUsername();
      String slack = m.chat().slackUserId();
      String discord = m.chat().discordUserId();
      if (m.id().value().equals(wanted)
          || (tg != null && tg.toLowerCase(Locale.ROOT).equals(wanted))
          // Slack and Discord put a picked mention into command text as the user's id.
          || (slack != null && slack.toLowerCase(Locale.ROOT).equals(wanted))
          || (discord != null && discord.equals(wanted))
          || m.displayName().toLowerCase(Locale.ROOT).equals(wanted)) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }

  private static String stripAt(String s) {
    return s.startsWith("@") ? s.substring(1) : s;
  }
}
