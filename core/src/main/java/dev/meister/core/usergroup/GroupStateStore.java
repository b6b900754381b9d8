package dev.meister.core.usergroup;

import dev.meister.core.schedule.RotationId;
import dev.meister.core.team.MemberId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port: each rotation's group, wanted and synced. */
public interface GroupStateStore {
  Optional<GroupState> find(RotationId rotation);

  /**
   * Records who should be in the group from {@code at}; when that differs from what was wanted
   * before, the failures and any refusal are forgotten, so the new members are tried at once.
   */
  void want(RotationId rotation, String handle, List<MemberId> members, Instant at);

  /** The chat confirmed {@code members} in the group. */
  void synced(RotationId rotation, List<MemberId> members, Instant at);

  /** A failed attempt: try again from {@code notBefore}. */
  void failed(RotationId rotation, Instant notBefore, String error);

  /** A refusal that another attempt cannot change; said once in the rotation's chat. */
  void refused(RotationId rotation, String error);
}
