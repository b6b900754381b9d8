package dev.meister.core.chat;

import dev.meister.core.validation.Checks;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/** A hand-off's {@code rotation@epochMillis}, as both its buttons carry it. */
record HandoffPayload(String rotation, Instant boundary) {
  /** The shape of a rotation id (see {@code RotationId}); anything else on a button is broken. */
  private static final Pattern ROTATION = Pattern.compile("[a-z0-9][a-z0-9_-]*");

  static Optional<HandoffPayload> parse(String payload) {
    int at = payload.lastIndexOf('@');
    if (at <= 0 || !ROTATION.matcher(payload.substring(0, at)).matches()) {
      return Optional.empty();
    }
    return Optional.of(
        new HandoffPayload(
            payload.substring(0, at),
            Instant.ofEpochMilli(Long.parseLong(payload.substring(at + 1)))));
  }

  static String format(String rotation, Instant boundary) {
    return rotation + "@" + boundary.toEpochMilli();
  }

  static void check(String rotation) {
    Checks.check(ROTATION.matcher(rotation).matches(), "not a rotation id: '" + rotation + "'");
  }
}
