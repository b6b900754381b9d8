package dev.meister.core.usergroup;

import dev.meister.core.chat.ChatDeliveryException;
import dev.meister.core.team.Member;
import java.util.List;

/** Port: a chat's user groups (Slack's usergroups.*). */
public interface UserGroups {
  /**
   * Makes {@code members} the group's only members, creating the group when it does not exist.
   *
   * @throws ChatDeliveryException when the chat failed ({@linkplain
   *     ChatDeliveryException#retryable() retryable}) or refused (e.g. a missing scope)
   */
  void setMembers(String handle, List<Member> members);
}
