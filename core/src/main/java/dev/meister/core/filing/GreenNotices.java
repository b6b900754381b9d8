package dev.meister.core.filing;

import dev.meister.core.chat.AlertId;
import java.time.Instant;

/** Which alerts' threads were told their build is green again. */
public interface GreenNotices {
  /** Records the notice; false when the alert had one already, which must not be repeated. */
  boolean notice(AlertId alert, String successKey, Instant at);
}
