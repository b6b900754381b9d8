package dev.meister.core.pipeline;

import dev.meister.core.chat.RichText;
import dev.meister.core.team.MemberId;
import dev.meister.core.validation.Checks;

/**
 * Someone up- or downstream of a pipeline: a team member, tagged, or anyone else named in words (a
 * team such as {@code Account team}, a chat handle such as {@code @accounts}), shown as written.
 */
public sealed interface Party {
  /** Appends this party to a message. */
  void addTo(RichText.Builder text);

  /** A member of the team, mentioned. */
  record Member(MemberId id) implements Party {
    @Override
    public void addTo(RichText.Builder text) {
      text.mention(id);
    }
  }

  /** Another team or a handle outside the team, as written in the configuration. */
  record Named(String name) implements Party {
    public Named {
      Checks.notBlank(name, "name");
    }

    @Override
    public void addTo(RichText.Builder text) {
      text.text(name);
    }
  }
}
