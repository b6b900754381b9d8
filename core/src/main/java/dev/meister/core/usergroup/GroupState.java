package dev.meister.core.usergroup;

import dev.meister.core.schedule.RotationId;
import dev.meister.core.team.MemberId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where a rotation's group stands.
 *
 * @param wanted who should be in it now
 * @param synced who the chat last confirmed in it; empty before the first update
 * @param failures failed attempts at the wanted members in a row
 * @param notBefore when to try again after a failure
 * @param refused why the chat refused for good (e.g. a missing scope): not tried again until the
 *     wanted members change
 */
public record GroupState(
    RotationId rotation,
    String handle,
    List<MemberId> wanted,
    Optional<List<MemberId>> synced,
    int failures,
    Instant notBefore,
    Optional<String> refused) {
  public GroupState {
    wanted = List.copyOf(wanted);
    synced = synced.map(List::copyOf);
  }

  public boolean inSync() {
    return synced.filter(wanted::equals).isPresent();
  }
}
