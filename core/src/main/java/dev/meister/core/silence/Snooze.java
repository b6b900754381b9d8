package dev.meister.core.silence;

import dev.meister.core.chat.AlertId;
import dev.meister.core.team.MemberId;
import java.time.Instant;
import java.util.Optional;

/**
 * One alert put aside until {@code until}: its escalation and reminders wait, and it comes back to
 * the on-call then unless it was resolved.
 *
 * @param returnedAt when its time was up and it came back (or was found resolved); empty while it
 *     is still snoozed
 */
public record Snooze(
    AlertId alert, Instant until, MemberId by, Instant at, Optional<Instant> returnedAt) {

  /** Whether it still holds the alert's follow-ups back at {@code now}. */
  public boolean holdsAt(Instant now) {
    return now.isBefore(until);
  }
}
