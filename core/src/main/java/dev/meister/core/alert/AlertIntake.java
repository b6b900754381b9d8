package dev.meister.core.alert;

import dev.meister.core.chat.OutgoingMessage;
import dev.meister.core.delivery.Outbox;
import dev.meister.core.delivery.PendingMessage;
import dev.meister.core.schedule.OnCallDirectory;
import dev.meister.core.tx.Transactions;
import dev.meister.core.schedule.OnCall;
import dev.meister.core.chat.ChatRef;
import java.time.Clock;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where webhook events land: a failure is routed, made into an alert, stored and its chat message
 * queued in one transaction, so once this returns the alert is durable and its message will be
 * delivered; a repeated delivery changes nothing. A success is recorded in the run history.
 */
public final class AlertIntake implements RunEventSink {
  private static final Logger log = LoggerFactory.getLogger(AlertIntake.class);

  private final Router router;
  private final PriorityRules priorities;
  private final AlertFactory factory;
  private final AlertMessages messages;
  private final AlertContext context;
  private final AlertStore alerts;
  private final RunHistory runs;
  private final Outbox outbox;
  private final Transactions transactions;
  private final Consumer<ChatRef> queued;
  private final Predicate<ChatRef> pace;
  private final Clock clock;

  /**
   * @param pace whether a new alert post to a chat may go out on its own (see StormDigests); when
   *     not, it is folded into the chat's next digest in the same transaction
   * @param queued called with the chat a message was queued for, to wake the delivery worker
   */
  public AlertIntake(Router router, PriorityRules priorities, AlertFactory factory,
      AlertMessages messages, OnCallDirectory directory, AlertStore alerts, RunHistory runs,
      Outbox outbox, Transactions transactions, Predicate<ChatRef> pace, Consumer<ChatRef> queued,
      Clock clock) {
    this.router = router;
    this.priorities = priorities;
    this.factory = factory;
    this.messages = messages;
    this.context = new AlertContext(directory);
    this.alerts = alerts;
    this.runs = runs;
    this.outbox = outbox;
    this.transactions = transactions;
    this.pace = pace;
    this.queued = queued;
    this.clock = clock;
  }

  @Override
  public Intake accept(RunEvent event) {
    if (event.outcome() == Outcome.SUCCEEDED) {
      boolean created = runs.recordSuccess(event);
      return new Intake(null, !created);
    }
    Optional<Route> route = router.route(event);
    Priority priority = priorities.priorityOf(event, route.orElse(null));
    Alert created = factory.create(event, route.map(Route::rotation).orElse(null), priority)
        .receivedAt(clock.instant());
    // Stored with it, so escalation, filing and hand-off find this route later even after the
    // routes' criteria were edited.
    Alert alert = route.map(r -> created.withRoute(r.name())).orElse(created);
    // Who is on call is worked out before the transaction: it reads only configuration and
    // overrides, and the writer thread that commits everyone's intake should not wait on it.
    OnCall onCall = route.isPresent() ? context.onCall(alert) : null;
    Recorded recorded = transactions.inTransaction(() -> store(alert, route, onCall));
    if (recorded.created() && route.isPresent()) {
      queued.accept(route.get().chat());
    }
    return new Intake(recorded.id(), !recorded.created());
  }

  private Recorded store(Alert alert, Optional<Route> route, @Nullable OnCall onCall) {
    Recorded recorded = alerts.record(alert);
    if (!recorded.created()) {
      log.info("repeated delivery {} of alert #{}: nothing new", alert.dedupKey(), recorded.id());
      return recorded;
    }
    if (route.isEmpty()) {
      log.warn("alert #{} ({}) matched no route: stored, not posted", recorded.id(),
          alert.title());
      return recorded;
    }
    Alert stored = recorded.alert();
    OutgoingMessage message = messages.alert(stored, onCall, context.zone(stored));
    ChatRef chat = route.get().chat();
    long queuedId = outbox.enqueue(PendingMessage.post(chat, message, recorded.id()));
    // Over the chat's pace in a storm the post waits for a digest instead; a high-priority alert
    // still goes out on its own, since it tags the team lead.
    boolean ownMessage = pace.test(chat) || alert.priority() == Priority.HIGH;
    if (!ownMessage) {
      outbox.fold(queuedId);
    }
    return recorded;
  }
}
