package dev.meister.core.team;

import dev.meister.core.validation.Checks;
import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A person on the team: how to address them in chat and on GitHub, their roles, and their e-mail
 * address if given (what an SSO proxy in front of the web page names them by).
 */
public record Member(
    MemberId id,
    String displayName,
    ChatIdentities chat,
    @Nullable String githubLogin,
    Set<Role> roles,
    @Nullable String email) {

  /** A member without an e-mail address. */
  public Member(
      MemberId id,
      String displayName,
      ChatIdentities chat,
      @Nullable String githubLogin,
      Set<Role> roles) {
    this(id, displayName, chat, githubLogin, roles, null);
  }

  public Member {
    Checks.notBlank(displayName, "displayName");
    roles = roles.isEmpty() ? Set.of(Role.MEMBER) : Set.copyOf(withMember(roles));
  }

  private static Set<Role> withMember(Set<Role> roles) {
    EnumSet<Role> all = EnumSet.copyOf(roles);
    all.add(Role.MEMBER);
    return all;
  }

  public boolean isTeamLead() {
    return roles.contains(Role.TEAM_LEAD);
  }
}
