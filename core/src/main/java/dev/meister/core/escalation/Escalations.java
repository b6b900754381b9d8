package dev.meister.core.escalation;

import dev.meister.core.alert.Alert;
import dev.meister.core.alert.AlertStore;
import dev.meister.core.alert.Route;
import dev.meister.core.alert.Router;
import dev.meister.core.chat.AlertId;
import dev.meister.core.chat.MessageLinkStore;
import dev.meister.core.chat.OutgoingMessage;
import dev.meister.core.delivery.Outbox;
import dev.meister.core.schedule.Assignment;
import dev.meister.core.schedule.OnCallDirectory;
import dev.meister.core.schedule.Position;
import dev.meister.core.schedule.Rotation;
import dev.meister.core.silence.Snooze;
import dev.meister.core.silence.SnoozeStore;
import dev.meister.core.team.MemberId;
import dev.meister.core.team.Team;
import dev.meister.core.timing.DueWork;
import dev.meister.core.tx.Transactions;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Escalates alerts nobody acknowledged within their route's {@code ack_timeout}: the secondary,
 * then the team lead (high priority: the lead at once). Each step is recorded in the transaction
 * that queues its message, so a restart neither loses nor repeats one; an acknowledgement, or an
 * escalation by hand ({@code /escalate}, which has pulled in Level 2 or the lead already), takes
 * the alert out of the candidates and so stops the ladder.
 */
public final class Escalations implements DueWork {
  private static final Logger log = LoggerFactory.getLogger(Escalations.class);

  /** Alerts older than this are history, not something to escalate. */
  private static final Duration HORIZON = Duration.ofDays(2);

  private static final int BATCH = 500;

  private final Router routes;
  private final Map<String, Duration> ackTimeouts;
  private final OnCallDirectory directory;
  private final Team team;
  private final AlertStore alerts;
  private final AlertFollowUps followUps;
  private final FollowUpPoster poster;
  private final Transactions transactions;
  private final @org.jspecify.annotations.Nullable SnoozeStore snoozes;

  /**
   * @param ackTimeouts per route name; routes without one never escalate
   */
  public Escalations(
      Router router,
      Map<String, Duration> ackTimeouts,
      OnCallDirectory directory,
      Team team,
      AlertStore alerts,
      AlertFollowUps followUps,
      MessageLinkStore links,
      Outbox outbox,
      Transactions transactions) {
    this(
        router, ackTimeouts, directory, team, alerts, followUps, links, outbox, transactions, null);
  }

  /**
   * @param snoozes a snoozed alert's ladder starts when its snooze ends; null for no snoozes
   */
  public Escalations(
      Router router,
      Map<String, Duration> ackTimeouts,
      OnCallDirectory directory,
      Team team,
      AlertStore alerts,
      AlertFollowUps followUps,
      MessageLinkStore links,
      Outbox outbox,
      Transactions transactions,
      @org.jspecify.annotations.Nullable SnoozeStore snoozes) {
    this.snoozes = snoozes;
    this.routes = router;
    this.ackTimeouts = Map.copyOf(ackTimeouts);
    this.directory = directory;
    this.team = team;
    this.alerts = alerts;
    this.followUps = followUps;
    this.poster = new FollowUpPoster(links, outbox);
    this.transactions = transactions;
  }

  @Override
  public String name() {
    return "escalations";
  }

  @Override
  public Optional<Instant> runDue(Instant now) {
    Optional<Instant> next = Optional.empty();
    if (ackTimeouts.isEmpty()) {
      return next;
    }
    for (AlertId id : followUps.unacknowledgedSince(now.minus(HORIZON), BATCH)) {
      try {
        next = DueWork.earliest(next, escalate(id, now));
      } catch (RuntimeException e) {
        log.error("escalating alert {} failed", id, e);
      }
    }
    return next;
  }

  private Optional<Instant> escalate(AlertId id, Instant now) {
    Optional<Alert> found = alerts.find(id);
    Optional<Route> route = found.flatMap(routes::routeOf);
    if (found.isEmpty() || route.isEmpty() || !ackTimeouts.containsKey(route.get().name())) {
      return Optional.empty();
    }
    Alert alert = found.get();
    Optional<Rotation> rotation = directory.find(route.get().rotation());
    boolean hasSecondary = rotation.map(r -> r.secondary() != null).orElse(false);
    EscalationLadder ladder =
        new EscalationLadder(
            alert, ackTimeouts.get(route.get().name()), hasSecondary, ladderStart(alert));
    int taken = followUps.lastStep(id, FollowUpKind.ESCALATION);
    Optional<EscalationStep> due = ladder.dueAt(now, taken);
    if (due.isPresent()) {
      EscalationStep step = due.get();
      OutgoingMessage message = message(alert, rotation.orElse(null), step, now);
      boolean sent =
          transactions.inTransaction(
              () -> {
                // Re-checked inside the transaction: an acknowledgement may have landed meanwhile.
                if (alerts.acknowledgement(id).isPresent()
                    || !followUps.record(id, FollowUpKind.ESCALATION, step.number(), now)) {
                  return false;
                }
                return poster.post(alert, route.get().chat(), message);
              });
      if (sent) {
        log.info("alert {} escalated to {}", id, step.target());
      }
      taken = step.number();
    }
    return ladder.nextAfter(taken);
  }

  /** The alert's arrival, or the end of its snooze when it was snoozed past it. */
  private Instant ladderStart(Alert alert) {
    SnoozeStore s = snoozes;
    Optional<Instant> until =
        s == null ? Optional.empty() : s.snoozeOf(alert.storedId()).map(Snooze::until);
    return until.filter(u -> u.isAfter(alert.receivedAt())).orElse(alert.receivedAt());
  }

  private OutgoingMessage message(
      Alert alert,
      @org.jspecify.annotations.Nullable Rotation r,
      EscalationStep step,
      Instant now) {
    Duration waited = Duration.between(alert.receivedAt(), now);
    if (step.target() == EscalationStep.Target.SECONDARY && r != null) {
      Optional<MemberId> secondary =
          directory.resolver(r, now).assignmentAt(Position.SECONDARY, now).map(Assignment::member);
      if (secondary.isPresent()) {
        return EscalationMessages.toSecondary(alert, waited, secondary.get());
      }
    }
    return EscalationMessages.toTeamLead(alert, waited, team.teamLeads());
  }
}
