package dev.meister.core.action;

import static java.util.concurrent.TimeUnit.MILLISECONDS;

import dev.meister.core.alert.AlertContext;
import dev.meister.core.alert.AlertCopies;
import dev.meister.core.alert.AlertStore;
import dev.meister.core.delivery.Backoff;
import dev.meister.core.delivery.Outbox;
import dev.meister.core.delivery.PendingMessage;
import dev.meister.core.lease.Leadership;
import dev.meister.core.lease.NotLeaderException;
import dev.meister.core.tx.Transactions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads previews and executes approved actions off the chat thread, since Airflow and GitHub can be
 * slow or down. Every request is stored before anything is sent; a request is marked {@link
 * ActionState#EXECUTING} in its own transaction before the call and done, with its result in the
 * alert's thread, in the transaction after it, so an approved request is executed once even across
 * a restart. An outage (5xx, network) is retried with backoff; a refusal ends the request with the
 * API's own message and is never retried.
 *
 * <p>One window remains: if the bot dies after the call went out but before its result was
 * recorded, the request is still {@code EXECUTING} at the next start and is sent once more. That is
 * deliberate: Airflow's clears of failed tasks, state changes and (un)pauses leave a run as one
 * call would, and GitHub refuses a second re-run or cancel of a run already re-running or
 * cancelled, which is then reported; dropping the request instead could leave an approved recovery
 * undone with nobody told.
 */
public final class ActionWorker implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ActionWorker.class);

  /** Tries before giving up on an unavailable API: with the backoff, about four minutes. */
  static final int MAX_ATTEMPTS = 8;

  private final ActionStore store;
  private final RunActions actions;
  private final AlertStore alerts;
  private final AlertContext context;
  private final AlertCopies copies;
  private final Outbox outbox;
  private final Transactions transactions;
  private final ActionMessages messages;
  private final Clock clock;
  private final AtomicBoolean roundRequested = new AtomicBoolean();
  private boolean resumed;
  private @Nullable ScheduledExecutorService executor;

  private volatile Leadership leadership = Leadership.ALONE;

  public ActionWorker(
      ActionStore store,
      RunActions actions,
      AlertStore alerts,
      AlertContext context,
      AlertCopies copies,
      Outbox outbox,
      Transactions transactions,
      ActionMessages messages,
      Clock clock) {
    this.store = store;
    this.actions = actions;
    this.alerts = alerts;
    this.context = context;
    this.copies = copies;
    this.outbox = outbox;
    this.transactions = transactions;
    this.messages = messages;
    this.clock = clock;
  }

  /** Starts working on a background thread, polling every {@code interval}. */
  public synchronized void start(Duration interval) {
    start(interval, Leadership.ALONE);
  }

  /**
   * Starts the background rounds, each skipped unless {@code leadership} says this instance leads
   * now: a leader woken from a pause past its lease does not act before it notices it was deposed.
   */
  public synchronized void start(Duration interval, Leadership leadership) {
    this.leadership = leadership;
    if (executor != null) {
      return;
    }
    ScheduledExecutorService ex =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "meister-actions");
              t.setDaemon(true);
              return t;
            });
    var unused =
        ex.scheduleWithFixedDelay(this::processSafely, 0, interval.toMillis(), MILLISECONDS);
    executor = ex;
  }

  /** Asks for a round now, once a stored or approved request has committed; coalesces. */
  public void nudge() {
    ScheduledExecutorService ex = executor;
    if (ex != null && !ex.isShutdown() && roundRequested.compareAndSet(false, true)) {
      ex.execute(this::processSafely);
    }
  }

  private void processSafely() {
    roundRequested.set(false);
    if (leadership.current().isEmpty()) {
      return;
    }
    try {
      processDue();
    } catch (RuntimeException e) {
      log.error("runbook action round failed; will try again", e);
    }
  }

  /** One round over the due requests; returns how many were finished. */
  public synchronized int processDue() {
    int finished = 0;
    try {
      if (!resumed) {
        resumeInterrupted();
        resumed = true;
      }
      for (ActionRequest r : store.due(clock.instant(), 20)) {
        if (leadership.current().isEmpty()) {
          log.info("runbook actions paused: this instance no longer leads");
          break;
        }
        if (r.state() == ActionState.REQUESTED ? preview(r) : execute(r)) {
          finished++;
        }
      }
    } catch (NotLeaderException e) {
      // Another instance took the lead meanwhile: it finds the request as it was (an action this
      // one had claimed is sent again by it, as after a crash).
      log.warn("runbook actions stopped, the last step not recorded: {}", e.getMessage());
    }
    return finished;
  }

  /**
   * A request still {@code EXECUTING} in this process's first round was under way when the bot
   * stopped: it goes back to {@code APPROVED} and is sent again (see the class comment).
   */
  private void resumeInterrupted() {
    for (ActionRequest r : store.inState(ActionState.EXECUTING)) {
      transactions.inTransaction(
          () -> {
            if (store.move(ActionState.EXECUTING, r.in(ActionState.APPROVED))) {
              store.audit(
                  AuditEntry.of(
                      r,
                      AuditEvent.RESUMED,
                      Optional.empty(),
                      clock.instant(),
                      "under way when the bot stopped; sent again"));
              log.warn(
                  "action request #{} was under way at the last stop; sending it again", r.id());
            }
          });
    }
  }

  private boolean preview(ActionRequest r) {
    try {
      ActionPreview preview = actions.preview(r.target(), r.kind());
      transactions.inTransaction(
          () -> {
            ActionRequest next = r.previewed(preview);
            // Cancelled or expired meanwhile: the preview is of no use to anyone.
            if (store.move(ActionState.REQUESTED, next)) {
              store.audit(
                  AuditEntry.of(
                      r,
                      AuditEvent.PREVIEWED,
                      Optional.empty(),
                      clock.instant(),
                      preview.summary()));
              outbox.enqueue(
                  PendingMessage.answer(
                      r.answerUnder(),
                      messages.preview(next, preview, messages.names(next.approvers()), zone(r)),
                      r.alert()));
            }
          });
      return true;
    } catch (ActionRefusedException e) {
      end(r, ActionState.REQUESTED, refusal(e), true);
      return true;
    } catch (ActionUnavailableException e) {
      return retry(r, ActionState.REQUESTED, ActionState.REQUESTED, e, true);
    } catch (NotLeaderException deposed) {
      throw deposed;
    } catch (RuntimeException bug) {
      log.error("previewing action request #{} failed unexpectedly", r.id(), bug);
      end(r, ActionState.REQUESTED, "an unexpected error (see the bot's log)", true);
      return true;
    }
  }

  private boolean execute(ActionRequest r) {
    ActionRequest started = r.in(ActionState.EXECUTING);
    boolean mine =
        transactions.inTransaction(
            () -> {
              if (!store.move(ActionState.APPROVED, started)) {
                return false;
              }
              store.audit(
                  AuditEntry.of(r, AuditEvent.STARTED, Optional.empty(), clock.instant(), ""));
              return true;
            });
    if (!mine) {
      return false;
    }
    try {
      ActionResult result = actions.execute(r.target(), r.kind());
      transactions.inTransaction(
          () -> {
            ActionRequest done = started.done(result);
            store.move(ActionState.EXECUTING, done);
            store.audit(
                AuditEntry.of(
                    r, AuditEvent.EXECUTED, Optional.empty(), clock.instant(), result.summary()));
            outbox.enqueue(
                PendingMessage.answer(r.answerUnder(), messages.done(done, result), r.alert()));
            alerts.find(r.alert()).ifPresent(copies::refresh);
          });
      log.info("action request #{}: {}", r.id(), result.summary());
      return true;
    } catch (ActionRefusedException e) {
      end(started, ActionState.EXECUTING, refusal(e), false);
      return true;
    } catch (ActionUnavailableException e) {
      return retry(started, ActionState.EXECUTING, ActionState.APPROVED, e, false);
    } catch (NotLeaderException deposed) {
      throw deposed;
    } catch (RuntimeException bug) {
      // Not retried: the call may have gone through before the failure.
      log.error("executing action request #{} failed unexpectedly", r.id(), bug);
      end(started, ActionState.EXECUTING, "an unexpected error (see the bot's log)", false);
      return true;
    }
  }

  private boolean retry(
      ActionRequest r,
      ActionState from,
      ActionState waiting,
      ActionUnavailableException e,
      boolean preview) {
    String error = String.valueOf(e.getMessage());
    int attempts = r.attempts() + 1;
    if (attempts >= MAX_ATTEMPTS) {
      end(r, from, "no answer after " + attempts + " tries (" + error + ")", preview);
      return true;
    }
    Duration wait = Backoff.after(attempts, e.retryAfter().orElse(null));
    Instant next = clock.instant().plus(wait);
    log.warn(
        "action request #{} not done (attempt {}): {}; next try in {}s",
        r.id(),
        attempts,
        error,
        wait.toSeconds());
    transactions.inTransaction(
        () -> {
          if (store.move(from, r.retryAt(waiting, next, error))) {
            store.audit(
                AuditEntry.of(r, AuditEvent.RETRYING, Optional.empty(), clock.instant(), error));
          }
        });
    return false;
  }

  private void end(ActionRequest r, ActionState from, String why, boolean preview) {
    log.warn("action request #{} failed: {}", r.id(), why);
    transactions.inTransaction(
        () -> {
          if (store.move(from, r.failed(why))) {
            store.audit(
                AuditEntry.of(r, AuditEvent.FAILED, Optional.empty(), clock.instant(), why));
            outbox.enqueue(
                PendingMessage.answer(
                    r.answerUnder(),
                    preview ? messages.previewFailed(r, why) : messages.failed(r, why),
                    r.alert()));
          }
        });
  }

  /** The API's own message, with its status unless the message already names it. */
  private static String refusal(ActionRefusedException e) {
    String message = String.valueOf(e.getMessage());
    String status = "(" + e.status() + ")";
    return message.contains(status) ? message : "refused " + status + ": " + message;
  }

  private ZoneId zone(ActionRequest r) {
    return alerts.find(r.alert()).map(context::zone).orElse(ZoneOffset.UTC);
  }

  @Override
  public synchronized void close() {
    ScheduledExecutorService ex = executor;
    if (ex != null) {
      ex.shutdownNow();
      try {
        ex.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      executor = null;
    }
  }
}
