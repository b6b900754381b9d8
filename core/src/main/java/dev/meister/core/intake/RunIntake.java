package dev.meister.core.intake;

import dev.meister.core.alert.Alert;
import dev.meister.core.alert.AlertContext;
import dev.meister.core.alert.AlertFactory;
import dev.meister.core.alert.AlertMessages;
import dev.meister.core.alert.AlertPriority;
import dev.meister.core.alert.Intake;
import dev.meister.core.alert.Outcome;
import dev.meister.core.alert.PriorityRules;
import dev.meister.core.alert.Recorded;
import dev.meister.core.alert.Route;
import dev.meister.core.alert.Router;
import dev.meister.core.alert.RunEvent;
import dev.meister.core.alert.RunEventSink;
import dev.meister.core.chat.ChatRef;
import dev.meister.core.chat.OutgoingMessage;
import dev.meister.core.delivery.PendingMessage;
import dev.meister.core.filing.GreenAgain;
import dev.meister.core.filing.IssueRequestKind;
import dev.meister.core.filing.Recoveries;
import dev.meister.core.flaky.FlakyTests;
import dev.meister.core.schedule.OnCall;
import dev.meister.core.schedule.OnCallDirectory;
import dev.meister.core.silence.Silence;
import dev.meister.core.silence.Silences;
import dev.meister.core.tx.Transactions;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where webhook events land. Every step of one event runs in one transaction: the dedupe by
 * delivery key, the run in the run history, for a success the "green again" notices under the
 * build's earlier failures, for a failure the alert routed, its message queued (or folded into the
 * chat's next digest during a storm) and its logs queued for analysis. So once this returns
 * everything is durable, and if the process dies before, nothing is: the redelivery then does all
 * of it, and a redelivery after the commit finds it all done and changes nothing.
 *
 * <p>The workers that deliver messages and analyse logs are woken once the transaction commits, by
 * the stores' listeners; nothing here waits for them.
 */
public final class RunIntake implements RunEventSink {
  private static final Logger log = LoggerFactory.getLogger(RunIntake.class);

  private final Router router;
  private final PriorityRules priorities;
  private final AlertFactory factory;
  private final AlertMessages messages;
  private final AlertContext context;
  private final IntakeStores stores;
  private final GreenAgain green;
  private final boolean analyseLogs;
  private final Transactions transactions;
  private final Predicate<ChatRef> pace;
  private final Clock clock;
  private final @Nullable Silences silences;
  private final @Nullable Recoveries recoveries;
  private final @Nullable FlakyTests flaky;

  /**
   * @param analyseLogs whether a new build failure's logs are read for a root cause already filed
   *     (issue filing is on)
   * @param pace whether a new alert post to a chat may go out on its own (see StormDigests); when
   *     not, it is folded into the chat's next digest in the same transaction
   * @param silences the silences in force: a routed alert one of them catches is still stored and
   *     counted, but posted without pinging anyone, or not at all when the silence is quiet
   * @param recoveries resolves an Airflow task's failure alerts when a later try of it succeeds in
   *     the same DAG run
   * @param flaky records each GitHub workflow run's attempt, so a test that failed and then passed
   *     on a re-run of the same commit is told flaky
   */
  public RunIntake(
      Router router,
      PriorityRules priorities,
      AlertFactory factory,
      AlertMessages messages,
      OnCallDirectory directory,
      IntakeStores stores,
      boolean analyseLogs,
      Transactions transactions,
      Predicate<ChatRef> pace,
      Clock clock,
      Optional<Silences> silences,
      Optional<Recoveries> recoveries,
      Optional<FlakyTests> flaky) {
    // Kept as nullable fields: read on every webhook, on the hot path.
    this.flaky = flaky.orElse(null);
    this.silences = silences.orElse(null);
    this.recoveries = recoveries.orElse(null);
    this.router = router;
    this.priorities = priorities;
    this.factory = factory;
    this.messages = messages;
    this.context = new AlertContext(directory);
    this.stores = stores;
    this.green = new GreenAgain(stores.notices(), stores.messages(), stores.outbox());
    this.analyseLogs = analyseLogs;
    this.transactions = transactions;
    this.pace = pace;
    this.clock = clock;
  }

  @Override
  public Intake accept(RunEvent event) {
    if (event.outcome() == Outcome.SUCCEEDED) {
      return transactions.inTransaction(() -> success(event));
    }
    Optional<Route> route = router.route(event);
    AlertPriority priority = priorities.priorityOf(event, route);
    Alert created =
        factory
            .create(event, route.map(Route::rotation).orElse(null), priority)
            .receivedAt(clock.instant());
    // Stored with it, so escalation, filing and hand-off find this route later even after the
    // routes' criteria were edited.
    Alert alert = route.map(r -> created.withRoute(r.name())).orElse(created);
    // Who is on call is worked out before the transaction: it reads only configuration and
    // overrides, and the writer thread that commits everyone's intake should not wait on it.
    OnCall onCall = route.isPresent() ? context.onCall(alert) : null;
    Recorded recorded = transactions.inTransaction(() -> failure(event, alert, route, onCall));
    return new Intake(recorded.id(), !recorded.created());
  }

  private Intake success(RunEvent event) {
    if (!stores.runs().recordSuccess(event)) {
      log.info("repeated delivery {} of a success: nothing new", event.deliveryKey());
      return new Intake(null, true);
    }
    // Only a workflow build on a branch can be green again; the notices decide that themselves.
    green.tell(event);
    Recoveries recovered = recoveries;
    if (recovered != null) {
      recovered.tell(event);
    }
    FlakyTests tests = flaky;
    if (tests != null) {
      // A re-run of a failed commit that passed: its failed tests were flaky.
      tests.recorded(event, Optional.empty());
    }
    return new Intake(null, false);
  }

  private Recorded failure(
      RunEvent event, Alert alert, Optional<Route> route, @Nullable OnCall onCall) {
    // The alert's dedup key is the delivery key: storing it is the dedupe.
    Recorded recorded = stores.alerts().record(alert);
    if (!recorded.created()) {
      log.info("repeated delivery {} of alert #{}: nothing new", alert.dedupKey(), recorded.id());
      return recorded;
    }
    stores.runs().recordFailure(event, recorded.id());
    FlakyTests tests = flaky;
    if (tests != null) {
      tests.recorded(event, Optional.of(recorded.id()));
    }
    Silences inForce = silences;
    Optional<Silence> silence =
        route.isPresent() && inForce != null
            ? inForce.catching(recorded.alert(), alert.receivedAt())
            : Optional.empty();
    if (inForce != null && silence.isPresent()) {
      // Recorded before the message is built: the message reads it (no mentions, the 🔕 line).
      inForce.caught(recorded.alert(), silence.get());
    }
    if (route.isPresent() && !(silence.isPresent() && silence.get().quiet())) {
      post(recorded.alert(), route.get(), onCall, silence.map(Silence::label));
    } else if (route.isPresent()) {
      log.info("alert #{} held back by quiet silence {}", recorded.id(), silence.get().label());
    } else {
      log.warn("alert #{} ({}) matched no route: stored, not posted", recorded.id(), alert.title());
    }
    if (analyseLogs && event.origin().match(run -> run.runId().isPresent(), task -> false)) {
      // Whether the logs show a root cause already filed ("looks like #N"); GitHub is read by
      // the filing worker, never on the webhook's thread.
      stores
          .requests()
          .enqueue(
              IssueRequestKind.ANALYSE,
              recorded.id(),
              null,
              null,
              "meister",
              Optional.empty(),
              clock.instant());
    }
    return recorded;
  }

  private void post(
      Alert stored, Route route, @Nullable OnCall onCall, Optional<String> silencedBy) {
    OutgoingMessage message = messages.newAlert(stored, onCall, context.zone(stored), silencedBy);
    boolean silenced = silencedBy.isPresent();
    ChatRef chat = route.chat();
    // Over the chat's pace in a storm the post waits for a digest instead; an alert at the highest
    // level, or one that tags someone, still goes out on its own: a digest would drop the mention.
    // A silenced alert pings nobody, so only its level keeps it out of a digest.
    boolean ownMessage =
        pace.test(chat) || (silenced ? stored.priority().urgent() : stored.priority().ownMessage());
    queue(PendingMessage.post(chat, message, stored.storedId()), ownMessage);
    if (route.mirrors().isEmpty()) {
      return;
    }
    // Each mirror has its own pace. A mirror pings no one, so only the highest level still goes
    // out on its own there when the chat is over its pace.
    OutgoingMessage copy = messages.mirror(message);
    for (ChatRef mirror : route.mirrors()) {
      queue(
          PendingMessage.mirror(mirror, copy, stored.storedId()),
          pace.test(mirror) || stored.priority().urgent());
    }
  }

  private void queue(PendingMessage message, boolean ownMessage) {
    if (ownMessage) {
      stores.outbox().enqueue(message);
    } else {
      stores.outbox().enqueueFolded(message);
    }
  }
}
