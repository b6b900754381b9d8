package dev.meister.core.alert;

import dev.meister.core.chat.AlertId;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What became of one pipeline event.
 *
 * @param alert the alert stored for a failure (new or, for a repeated delivery, the earlier one);
 *     absent for a success, which is only recorded
 * @param duplicate true when the delivery was seen before and nothing new was done
 */
public record Intake(@Nullable AlertId alert, boolean duplicate) {
  public Optional<AlertId> alertId() {
    return Optional.ofNullable(alert);
  }
}
