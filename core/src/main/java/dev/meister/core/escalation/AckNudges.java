package dev.meister.core.escalation;

import dev.meister.core.alert.Acknowledgement;
import dev.meister.core.alert.Alert;
import dev.meister.core.alert.AlertStore;
import dev.meister.core.alert.Route;
import dev.meister.core.alert.Router;
import dev.meister.core.chat.ChatRef;
import dev.meister.core.chat.MessageLinkStore;
import dev.meister.core.delivery.Outbox;
import dev.meister.core.schedule.OnCallDirectory;
import dev.meister.core.silence.Snooze;
import dev.meister.core.silence.SnoozeStore;
import dev.meister.core.team.Team;
import dev.meister.core.timing.DueWork;
import dev.meister.core.tx.Transactions;
import dev.meister.core.validation.Checks;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One "still on it?" to whoever acknowledged an alert that is still unresolved {@code nudgeAfter}
 * later, pointing at {@code /escalate}: seed 001 says to escalate "if you try to solve an issue for
 * more than one hour and feel you are not making progress". Recorded in the transaction that queues
 * it, so it is sent once; a resolution or an escalation before it falls due cancels it.
 */
public final class AckNudges implements DueWork {
  private static final Logger log = LoggerFactory.getLogger(AckNudges.class);

  /**
   * A nudge due longer ago than this (the bot was down) is not sent late: it would help nobody, and
   * a first start after an upgrade would otherwise nudge about every older acknowledgement.
   */
  static final Duration LATEST = Duration.ofHours(6);

  private static final int BATCH = 500;

  private final Duration nudgeAfter;
  private final Router routes;
  private final AlertStore alerts;
  private final EscalationStore escalations;
  private final HelpTargets targets;
  private final HelpMessages messages;
  private final FollowUpPoster poster;
  private final Transactions transactions;
  private final @org.jspecify.annotations.Nullable SnoozeStore snoozes;

  public AckNudges(
      Duration nudgeAfter,
      Router routes,
      OnCallDirectory directory,
      Team team,
      AlertStore alerts,
      EscalationStore escalations,
      MessageLinkStore links,
      Outbox outbox,
      Transactions transactions) {
    this(
        nudgeAfter,
        routes,
        directory,
        team,
        alerts,
        escalations,
        links,
        outbox,
        transactions,
        null);
  }

  /**
   * @param snoozes a snoozed alert's nudge waits: it is due {@code nudgeAfter} after the later of
   *     its acknowledgement and the end of its snooze; null for no snoozes
   */
  public AckNudges(
      Duration nudgeAfter,
      Router routes,
      OnCallDirectory directory,
      Team team,
      AlertStore alerts,
      EscalationStore escalations,
      MessageLinkStore links,
      Outbox outbox,
      Transactions transactions,
      @org.jspecify.annotations.Nullable SnoozeStore snoozes) {
    this.snoozes = snoozes;
    Checks.check(
        !nudgeAfter.isNegative() && !nudgeAfter.isZero(),
        "escalation.nudge_after must be positive");
    this.nudgeAfter = nudgeAfter;
    this.routes = routes;
    this.alerts = alerts;
    this.escalations = escalations;
    this.targets = new HelpTargets(directory, team);
    this.messages = new HelpMessages(team);
    this.poster = new FollowUpPoster(links, outbox);
    this.transactions = transactions;
  }

  @Override
  public String name() {
    return "ack-nudges";
  }

  @Override
  public Optional<Instant> runDue(Instant now) {
    Optional<Instant> next = Optional.empty();
    for (Acknowledgement ack :
        escalations.nudgeCandidates(now.minus(LATEST).minus(nudgeAfter), BATCH)) {
      Instant due = from(ack).plus(nudgeAfter);
      if (due.isAfter(now)) {
        next = DueWork.earliest(next, Optional.of(due));
        continue;
      }
      try {
        nudge(ack, now);
      } catch (RuntimeException e) {
        log.error("nudging about alert {} failed", ack.alert(), e);
      }
    }
    return next;
  }

  /** The acknowledgement, or the end of the alert's snooze when that is later. */
  private Instant from(Acknowledgement ack) {
    SnoozeStore s = snoozes;
    Optional<Instant> until =
        s == null ? Optional.empty() : s.snoozeOf(ack.alert()).map(Snooze::until);
    return until.filter(u -> u.isAfter(ack.at())).orElse(ack.at());
  }

  private void nudge(Acknowledgement ack, Instant now) {
    Optional<Alert> alert = alerts.find(ack.alert());
    Optional<HelpTarget> help = alert.flatMap(a -> targets.forAlert(a, now));
    if (alert.isEmpty() || help.isEmpty()) {
      // Nobody to escalate to: recorded anyway, so the alert is not looked at every tick.
      escalations.nudged(ack.alert(), now);
      return;
    }
    ChatRef chat = routes.routeOf(alert.get()).map(Route::chat).orElse(null);
    boolean sent =
        transactions.inTransaction(
            () ->
                escalations.escalationOf(ack.alert()).isEmpty()
                    && escalations.nudged(ack.alert(), now)
                    && poster.post(
                        alert.get(),
                        chat,
                        messages.nudge(
                            alert.get(), ack, help.get(), Duration.between(ack.at(), now))));
    if (sent) {
      log.info("nudged {} about alert {}", ack.member(), ack.alert());
    }
  }
}
