package dev.meister.core.schedule;

import java.util.Optional;

/** Port: overrides and swaps asked for in chat and their answers. */
public interface ScheduleRequestStore {
  /** Stores a new request; returns it with its id. */
  ScheduleRequest add(ScheduleRequest request);

  Optional<ScheduleRequest> find(long id);

  /** Records the answer (state, when) and the id of the schedule change it created, if any. */
  void decide(ScheduleRequest decided, long changeId);
}
