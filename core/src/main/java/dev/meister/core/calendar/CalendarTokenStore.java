package dev.meister.core.calendar;

import dev.meister.core.team.MemberId;
import java.time.Instant;
import java.util.Optional;

/** Port: each member's secret calendar token, the capability in their feed URLs. */
public interface CalendarTokenStore {
  Optional<String> tokenOf(MemberId member);

  Optional<MemberId> memberFor(String token);

  /** Sets {@code member}'s token, replacing (and so revoking) the one before. */
  void put(MemberId member, String token, Instant at);
}
