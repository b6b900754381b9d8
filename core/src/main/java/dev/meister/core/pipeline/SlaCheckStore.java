package dev.meister.core.pipeline;

import java.time.Instant;

/** Port: which SLA deadlines were checked, so each is checked (and reported) once. */
public interface SlaCheckStore {
  boolean checked(String pipeline, Instant deadline);

  /** Records a check; false if this deadline was recorded before. */
  boolean record(String pipeline, Instant deadline, Instant at, boolean met, String detail);
}
