package dev.meister.core.alert;

import dev.meister.core.schedule.OnCall;
import dev.meister.core.schedule.OnCallDirectory;
import dev.meister.core.schedule.Rotation;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The rotation facts an alert's message is written with: who was on call when it came in, in the
 * rotation's zone. Computed, not stored, so an edit reproduces the original text exactly.
 */
public final class AlertContext {
  private final OnCallDirectory directory;

  public AlertContext(OnCallDirectory directory) {
    this.directory = directory;
  }

  /** Who was on call for the alert's rotation when it came in; null when it has none. */
  public @Nullable OnCall onCall(Alert alert) {
    return rotation(alert)
        .map(r -> directory.resolver(r, alert.receivedAt()).onCallAt(alert.receivedAt()))
        .orElse(null);
  }

  /** The zone of the alert's rotation, UTC when it has none. */
  public ZoneId zone(Alert alert) {
    return rotation(alert).map(Rotation::zone).orElse(ZoneOffset.UTC);
  }

  private Optional<Rotation> rotation(Alert alert) {
    return alert.routedRotation().flatMap(directory::find);
  }
}
