package dev.meister.core.shift;

import java.time.Instant;

/** Port: the shift notices posted, so each is posted once, also across restarts. */
public interface ShiftNoticeStore {
  /** Records the notice as posted at {@code at}; false if it was recorded before. */
  boolean record(ShiftNotice notice, Instant at);
}
