package dev.meister.core.escalation;

import dev.meister.core.alert.Alert;
import dev.meister.core.alert.AlertContext;
import dev.meister.core.alert.AlertCopies;
import dev.meister.core.alert.AlertMessages;
import dev.meister.core.alert.AlertStore;
import dev.meister.core.chat.AlertId;
import dev.meister.core.chat.MessageLinkStore;
import dev.meister.core.chat.OutgoingMessage;
import dev.meister.core.delivery.Outbox;
import dev.meister.core.schedule.OnCallDirectory;
import dev.meister.core.team.MemberId;
import dev.meister.core.team.Team;
import dev.meister.core.tx.Transactions;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Escalating an alert by hand (seed 001, "escalating": "Do not be afraid of asking the Level 2 for
 * help"): records who escalated, to whom, when and why, and marks the alert's messages in place;
 * the tag itself is the command's answer, queued in the same transaction.
 */
public final class HandEscalations {
  private final AlertStore alerts;
  private final EscalationStore escalations;
  private final HelpTargets targets;
  private final AlertCopies copies;
  private final HelpMessages messages;
  private final Transactions transactions;
  private final AlertContext context;
  private final Clock clock;

  /**
   * @param alertMessages renders the alert with its {@link EscalationNotes}, so the edit shows the
   *     escalation
   */
  public HandEscalations(
      AlertStore alerts,
      EscalationStore escalations,
      AlertMessages alertMessages,
      OnCallDirectory directory,
      Team team,
      MessageLinkStore links,
      Outbox outbox,
      Transactions transactions,
      Clock clock) {
    this.alerts = alerts;
    this.escalations = escalations;
    this.targets = new HelpTargets(directory, team);
    this.copies = new AlertCopies(alerts, alertMessages, directory, links, outbox);
    this.messages = new HelpMessages(team);
    this.transactions = transactions;
    this.context = new AlertContext(directory);
    this.clock = clock;
  }

  /**
   * Escalates alert {@code id}; returns the message that tags who is pulled in.
   *
   * @throws IllegalArgumentException saying why nothing changed: no such alert, nobody to escalate
   *     to, or already escalated
   */
  public OutgoingMessage escalate(AlertId id, MemberId by, Optional<String> note) {
    return transactions.inTransaction(
        () -> {
          Alert alert =
              alerts
                  .find(id)
                  .orElseThrow(
                      () -> new IllegalArgumentException("There is no alert #" + id + "."));
          Optional<Escalation> before = escalations.escalationOf(id);
          if (before.isPresent()) {
            throw new IllegalArgumentException(
                messages.alreadyEscalated(before.get(), context.zone(alert)));
          }
          // Stores keep milliseconds; the edit must render the instant the store gives back.
          Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
          HelpTarget help =
              targets
                  .forAlert(alert, now)
                  .orElseThrow(
                      () ->
                          new IllegalArgumentException(
                              "Alert "
                                  + id
                                  + " has no Level 2 on call and the team has no team lead:"
                                  + " nobody to escalate to."));
          Escalation e =
              escalations.escalate(new Escalation(id, by, help.level(), help.members(), note, now));
          mark(alert);
          return messages.escalated(alert, e);
        });
  }

  /** Edits every copy of the alert so it shows the escalation beside its other state. */
  private void mark(Alert alert) {
    copies.refresh(alert);
  }
}
