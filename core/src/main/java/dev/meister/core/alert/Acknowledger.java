package dev.meister.core.alert;

import dev.meister.core.chat.AlertId;
import dev.meister.core.chat.MessageLinkStore;
import dev.meister.core.chat.MessageRef;
import dev.meister.core.team.MemberId;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** Records that a member is looking into an alert; the first to say so keeps it. */
public final class Acknowledger {
  private final AlertStore alerts;
  private final MessageLinkStore links;
  private final Clock clock;

  public Acknowledger(AlertStore alerts, MessageLinkStore links, Clock clock) {
    this.alerts = alerts;
    this.links = links;
    this.clock = clock;
  }

  /** Takes the alert a chat message belongs to; empty when the message is not an alert's. */
  public Optional<AckResult> acknowledge(MessageRef message, MemberId who, AckChannel via) {
    return links.alertFor(message).flatMap(alert -> acknowledge(alert, who, via));
  }

  /** Takes the alert; empty when there is no such alert. */
  public Optional<AckResult> acknowledge(AlertId alert, MemberId who, AckChannel via) {
    Optional<Alert> found = alerts.find(alert);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    // Stores keep milliseconds; a finer instant would never compare equal to the stored one.
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    Acknowledgement attempt = new Acknowledgement(alert, who, now, via);
    Acknowledgement stored = alerts.acknowledge(attempt);
    return Optional.of(new AckResult(found.get(), stored, stored.equals(attempt)));
  }
}
