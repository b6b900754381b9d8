package dev.meister.bot.slack;

import com.slack.api.model.Usergroup;
import dev.meister.core.chat.ChatDeliveryException;
import dev.meister.core.team.Member;
import dev.meister.core.usergroup.UserGroups;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slack user groups that follow the on-call: finds the group by its handle ({@code
 * usergroups.list}, disabled ones included), creates it ({@code usergroups.create}) or enables it
 * when needed, and sets its members ({@code usergroups.users.update}). All three need the {@code
 * usergroups:write} scope (list: {@code usergroups:read}); Slack's {@code missing_scope} is a
 * refusal that says which.
 */
public final class SlackUserGroups implements UserGroups {
  private static final Logger log = LoggerFactory.getLogger(SlackUserGroups.class);

  private final SlackApi api;

  public SlackUserGroups(SlackApi api) {
    this.api = api;
  }

  @Override
  public void setMembers(String handle, List<Member> members) {
    List<String> users =
        members.stream()
            .map(m -> m.chat().slackUserId())
            .filter(java.util.Objects::nonNull)
            .map(String::valueOf)
            .toList();
    if (users.isEmpty()) {
      // Slack refuses an empty group; a member without a Slack id cannot be in it anyway.
      throw new ChatDeliveryException(
          "none of " + members.stream().map(Member::displayName).toList() + " has a Slack id",
          false,
          null,
          null);
    }
    String id = group(handle);
    scoped(
        "usergroups.users.update",
        () ->
            api.execute(
                "usergroups.users.update",
                m -> m.usergroupsUsersUpdate(r -> r.usergroup(id).users(users))));
  }

  private String group(String handle) {
    Optional<Usergroup> found =
        scoped(
                "usergroups.list",
                () ->
                    api.execute(
                        "usergroups.list", m -> m.usergroupsList(r -> r.includeDisabled(true))))
            .getUsergroups()
            .stream()
            .filter(g -> handle.equals(g.getHandle()))
            .findFirst();
    if (found.isEmpty()) {
      Usergroup created =
          scoped(
                  "usergroups.create",
                  () ->
                      api.execute(
                          "usergroups.create",
                          m -> m.usergroupsCreate(r -> r.name(handle).handle(handle))))
              .getUsergroup();
      log.info("Slack: created the user group @{} ({})", handle, created.getId());
      return created.getId();
    }
    Usergroup g = found.get();
    if (g.getDateDelete() != null && g.getDateDelete() != 0) {
      scoped(
          "usergroups.enable",
          () ->
              api.execute(
                  "usergroups.enable", m -> m.usergroupsEnable(r -> r.usergroup(g.getId()))));
      log.info("Slack: enabled the user group @{} again", handle);
    }
    return g.getId();
  }

  /** Says which scope a {@code missing_scope} refusal wants. */
  private static <T> T scoped(String method, java.util.function.Supplier<T> call) {
    try {
      return call.get();
    } catch (ChatDeliveryException e) {
      if (!e.retryable() && String.valueOf(e.getMessage()).contains("missing_scope")) {
        String scope = method.equals("usergroups.list") ? "usergroups:read" : "usergroups:write";
        throw new ChatDeliveryException(
            method + " failed: missing_scope (the Slack app needs the " + scope + " scope)",
            false,
            null,
            e);
      }
      throw e;
    }
  }
}
