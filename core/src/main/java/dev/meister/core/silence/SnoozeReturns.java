package dev.meister.core.silence;

import dev.meister.core.alert.Alert;
import dev.meister.core.alert.AlertStore;
import dev.meister.core.alert.Route;
import dev.meister.core.alert.Router;
import dev.meister.core.chat.ChatRef;
import dev.meister.core.chat.MessageLinkStore;
import dev.meister.core.chat.MessageRef;
import dev.meister.core.chat.OutgoingMessage;
import dev.meister.core.chat.RichText;
import dev.meister.core.delivery.Outbox;
import dev.meister.core.delivery.PendingMessage;
import dev.meister.core.filing.ResolutionStore;
import dev.meister.core.schedule.OnCallDirectory;
import dev.meister.core.schedule.Rotation;
import dev.meister.core.team.MemberId;
import dev.meister.core.team.Team;
import dev.meister.core.timing.DueWork;
import dev.meister.core.tx.Transactions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A snoozed alert whose time is up comes back in its thread, mentioning whoever is on call now,
 * unless it was resolved meanwhile (then it goes quietly). Marked in the transaction that queues
 * the message, so it comes back once, also across restarts.
 */
public final class SnoozeReturns implements DueWork {
  private static final Logger log = LoggerFactory.getLogger(SnoozeReturns.class);
  private static final int BATCH = 500;

  private final SnoozeStore snoozes;
  private final AlertStore alerts;
  private final ResolutionStore resolutions;
  private final Router routes;
  private final OnCallDirectory directory;
  private final SilenceTexts texts;
  private final MessageLinkStore links;
  private final Outbox outbox;
  private final Transactions transactions;

  public SnoozeReturns(
      SnoozeStore snoozes,
      AlertStore alerts,
      ResolutionStore resolutions,
      Router routes,
      OnCallDirectory directory,
      Team team,
      MessageLinkStore links,
      Outbox outbox,
      Transactions transactions) {
    this.snoozes = snoozes;
    this.alerts = alerts;
    this.resolutions = resolutions;
    this.routes = routes;
    this.directory = directory;
    this.texts = new SilenceTexts(team);
    this.links = links;
    this.outbox = outbox;
    this.transactions = transactions;
  }

  @Override
  public String name() {
    return "snoozes";
  }

  @Override
  public Optional<Instant> runDue(Instant now) {
    for (Snooze s : snoozes.dueBy(now, BATCH)) {
      try {
        comeBack(s, now);
      } catch (RuntimeException e) {
        log.error("bringing back snoozed alert {} failed", s.alert(), e);
      }
    }
    return snoozes.nextDue();
  }

  private void comeBack(Snooze s, Instant now) {
    Optional<Alert> alert = alerts.find(s.alert());
    boolean resolved = resolutions.resolutionOf(s.alert()).isPresent();
    Optional<Route> route = alert.flatMap(routes::routeOf);
    if (alert.isEmpty() || resolved || route.isEmpty()) {
      snoozes.returned(s.alert(), s.until(), now);
      return;
    }
    MemberId onCall =
        directory.find(route.get().rotation()).map(r -> onCallNow(r, now)).orElse(null);
    OutgoingMessage message = message(alert.get(), s, onCall);
    boolean sent =
        transactions.inTransaction(
            () -> {
              if (!snoozes.returned(s.alert(), s.until(), now)) {
                return false;
              }
              post(alert.get(), route.get().chat(), message);
              return true;
            });
    if (sent) {
      log.info("snoozed alert {} is back", s.alert());
    }
  }

  private MemberId onCallNow(Rotation r, Instant now) {
    return directory.resolver(r, now).onCallAt(now).primary().member();
  }

  /** Under the alert's first delivered message; in its route's chat if it was never delivered. */
  private void post(Alert alert, ChatRef routeChat, OutgoingMessage message) {
    List<MessageRef> messages = links.messagesFor(alert.storedId());
    if (!messages.isEmpty()) {
      outbox.enqueue(PendingMessage.reply(messages.get(0), message, alert.storedId()));
    } else {
      outbox.enqueue(PendingMessage.post(routeChat, message, alert.storedId()));
    }
  }

  private OutgoingMessage message(Alert alert, Snooze s, @Nullable MemberId onCall) {
    RichText.Builder text = RichText.builder().emoji("alarm_clock").text(" ");
    if (onCall != null) {
      text.mention(onCall).text(" (on call): ");
    }
    return OutgoingMessage.of(
        text.text(
                "alert "
                    + alert.storedId()
                    + " ("
                    + SilenceTexts.cap(alert.title())
                    + ") is back from its snooze ("
                    + ChatDurations.describe(Duration.between(s.at(), s.until()))
                    + " by "
                    + texts.name(s.by())
                    + ") and still not resolved.")
            .build());
  }
}
