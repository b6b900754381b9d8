package dev.meister.core.silence;

import dev.meister.core.alert.Alert;
import dev.meister.core.alert.AlertMatch;
import java.time.Instant;
import java.util.Optional;

/**
 * A stored silence: while active, alerts its match fits are posted without pinging anyone, or not
 * at all when it is quiet (and counted in its summary when it ends), and they do not escalate.
 *
 * @param createdBy the member id who set it, or {@link #CONFIG} for a configured window
 * @param includeHigh whether it silences alerts at the scale's highest level too; without it they
 *     go out as usual
 * @param windowKey for a configured maintenance window, which of its occurrences this is
 * @param endedAt when it was lifted early ({@code /unsilence}); empty when it runs its course
 */
public record Silence(
    long id,
    AlertMatch match,
    Instant from,
    Instant until,
    String reason,
    String createdBy,
    Instant createdAt,
    boolean quiet,
    boolean includeHigh,
    Optional<String> windowKey,
    Optional<Instant> endedAt,
    Optional<String> endedBy) {

  /** {@link #createdBy} of a window from the configuration's {@code maintenance:} section. */
  public static final String CONFIG = "maintenance";

  /** When it stops silencing: its end, or when it was lifted. */
  public Instant endsAt() {
    return endedAt.filter(e -> e.isBefore(until)).orElse(until);
  }

  public boolean activeAt(Instant now) {
    return !from.isAfter(now) && now.isBefore(endsAt());
  }

  /**
   * Whether it silences {@code alert}: its match fits, and a high-priority one only if it says so.
   */
  public boolean silences(Alert alert) {
    return match.matches(alert.origin()) && (includeHigh || !alert.priority().urgent());
  }

  /** {@code #4 'Exchange maintenance'}, or {@code #4} without a reason. */
  public String label() {
    return "#" + id + (reason.isBlank() ? "" : " '" + reason + "'");
  }

  public boolean configured() {
    return createdBy.equals(CONFIG);
  }
}
