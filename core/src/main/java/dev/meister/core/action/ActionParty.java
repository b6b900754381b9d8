package dev.meister.core.action;

import dev.meister.core.team.MemberId;
import dev.meister.core.team.Team;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Who may request or approve an action, as the configuration names them: a role the alert gives
 * meaning to (the team lead, the pipeline's owner, the rotation's Level 2 or on-call, any member)
 * or one member by id.
 */
public sealed interface ActionParty {
  /** How a person reads it in chat, e.g. "the team lead" or "Alice Doe". */
  String describe(Team team);

  /** The party a configuration word means, when it is one of the {@link Role roles}. */
  static Optional<ActionParty> role(String word) {
    return Role.named(word).map(r -> r);
  }

  /** A group of people decided by the team and by the alert, not by name. */
  enum Role implements ActionParty {
    /** Every member of the team. */
    MEMBERS("members", "any team member"),
    /** The members with the {@code team_lead} role. */
    TEAM_LEAD("team_lead", "the team lead"),
    /** The owners (primary and secondary) of the pipeline that runs the alert's DAG. */
    PIPELINE_OWNER("pipeline_owner", "the pipeline owner"),
    /** Whoever holds the alert's rotation's Level 2 (secondary) layer now. */
    LEVEL_2("level2", "Level 2"),
    /** Whoever is the alert's rotation's primary on call now. */
    ON_CALL("on_call", "the on-call");

    private final String word;
    private final String description;

    Role(String word, String description) {
      this.word = word;
      this.description = description;
    }

    /** The word in the configuration, e.g. {@code pipeline_owner}. */
    public String word() {
      return word;
    }

    @Override
    public String describe(Team team) {
      return description;
    }

    static Optional<Role> named(String word) {
      String w = word.trim().toLowerCase(Locale.ROOT);
      return Arrays.stream(values()).filter(r -> r.word.equals(w)).findFirst();
    }
  }

  /** One member, by id. */
  record Person(MemberId member) implements ActionParty {
    @Override
    public String describe(Team team) {
      return team.find(member).map(m -> m.displayName()).orElse(member.value());
    }
  }
}
