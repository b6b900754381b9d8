package dev.meister.core.filing;

import static java.util.concurrent.TimeUnit.MILLISECONDS;

import dev.meister.core.alert.Alert;
import dev.meister.core.alert.AlertCopies;
import dev.meister.core.alert.AlertStore;
import dev.meister.core.buildhint.BuildHint;
import dev.meister.core.buildhint.BuildHints;
import dev.meister.core.chat.MessageLinkStore;
import dev.meister.core.chat.MessageRef;
import dev.meister.core.chat.OutgoingMessage;
import dev.meister.core.delivery.Backoff;
import dev.meister.core.delivery.Outbox;
import dev.meister.core.delivery.PendingMessage;
import dev.meister.core.flaky.FlakyNote;
import dev.meister.core.flaky.FlakyTests;
import dev.meister.core.lease.Leadership;
import dev.meister.core.lease.NotLeaderException;
import dev.meister.core.tx.Transactions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Works through queued issue requests off the chat thread, since GitHub can be slow or down. A
 * request ends done (the alert is linked and the answer queued in one transaction) or failed with a
 * clear answer in the chat; while GitHub is unavailable it waits and is tried again, so nothing is
 * lost.
 */
public final class FilingWorker implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(FilingWorker.class);

  /** Tries before giving up on an unavailable GitHub: with the backoff, about half an hour. */
  static final int MAX_ATTEMPTS = 8;

  private final IssueRequests requests;
  private final AlertStore alerts;
  private final IssueLinkStore links;
  private final MessageLinkStore messages;
  private final IssueFiler filer;
  private final Outbox outbox;
  private final Transactions transactions;
  private final Clock clock;
  private final BuildHints hints;
  private final Optional<WhoToAsk> whoToAsk;
  private final AtomicBoolean roundRequested = new AtomicBoolean();
  private @Nullable ScheduledExecutorService executor;

  private final Optional<AlertCopies> copies;
  private final Optional<FlakyTests> flaky;

  private volatile Leadership leadership = Leadership.ALONE;

  /**
   * @param hints the build hints whose failed step or log pattern the analysis may find
   * @param whoToAsk names the failing tests' last committers under a new alert once its logs are
   *     read; empty to leave that out
   * @param copies edits the alert's messages (and mirror copies) to say it was filed
   * @param flaky records the failing tests each analysis finds, and says under the alert which of
   *     them are known flaky; empty to leave that out
   */
  public FilingWorker(
      IssueRequests requests,
      AlertStore alerts,
      IssueLinkStore links,
      MessageLinkStore messages,
      IssueFiler filer,
      Outbox outbox,
      Transactions transactions,
      Clock clock,
      BuildHints hints,
      Optional<WhoToAsk> whoToAsk,
      Optional<AlertCopies> copies,
      Optional<FlakyTests> flaky) {
    this.flaky = flaky;
    this.copies = copies;
    this.hints = hints;
    this.whoToAsk = whoToAsk;
    this.requests = requests;
    this.alerts = alerts;
    this.links = links;
    this.messages = messages;
    this.filer = filer;
    this.outbox = outbox;
    this.transactions = transactions;
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
              Thread t = new Thread(r, "meister-filing");
              t.setDaemon(true);
              return t;
            });
    var unused =
        ex.scheduleWithFixedDelay(this::processSafely, 0, interval.toMillis(), MILLISECONDS);
    executor = ex;
  }

  /**
   * Asks for a round now; coalesces like the outbox worker's nudge. Called once a queued request
   * has committed (the composition root listens to the request store), never by the services.
   */
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
      log.error("issue filing round failed; will try again", e);
    }
  }

  /**
   * One round over the due requests; returns how many were finished. The round stops as soon as
   * this instance is no longer sure it leads, and when the database refuses to record a request's
   * outcome because another instance took the lead meanwhile: that one then finds the request as it
   * was and does it (an issue the deposed leader filed just before is recorded among the filed
   * issues, so the new leader joins it rather than filing a second).
   */
  public synchronized int processDue() {
    int finished = 0;
    try {
      for (IssueRequest r : requests.due(clock.instant(), 20)) {
        if (leadership.current().isEmpty()) {
          log.info("issue filing paused: this instance no longer leads");
          break;
        }
        if (process(r)) {
          finished++;
        }
      }
    } catch (NotLeaderException e) {
      log.warn("issue filing stopped, its last step not recorded: {}", e.getMessage());
    }
    return finished;
  }

  private boolean process(IssueRequest r) {
    Optional<Alert> alert = alerts.find(r.alert());
    if (alert.isEmpty()) {
      finishFailed(r, "alert #" + r.alert() + " is gone", "That alert no longer exists.");
      return true;
    }
    if (r.kind() == IssueRequestKind.ANALYSE) {
      return analyse(r, alert.get());
    }
    if (r.kind() == IssueRequestKind.ASSIGN) {
      return assign(r);
    }
    MessageRef under = Objects.requireNonNull(r.answerUnder());
    try {
      List<FilingOutcome> outcomes =
          r.kind() == IssueRequestKind.JOIN
              ? filer.join(alert.get(), Objects.requireNonNull(r.issue()))
              : filer.file(alert.get(), r.chosenPriority());
      transactions.inTransaction(
          () -> {
            for (FilingOutcome outcome : outcomes) {
              links.link(
                  new IssueLink(r.alert(), outcome.issue(), clock.instant(), outcome.filed()));
            }
            requests.done(r.id(), clock.instant());
            copies.ifPresent(c -> c.refresh(r.alert()));
            // Linked as an answer, so /resolve in reply to it finds the alert; an ack leaves it be.
            outbox.enqueue(PendingMessage.answer(under, FilingReplies.done(outcomes), r.alert()));
            return Boolean.TRUE;
          });
      for (FilingOutcome outcome : outcomes) {
        log.info(
            "alert #{} {} {}", r.alert(), outcome.filed() ? "filed as" : "joined", outcome.issue());
      }
      return true;
    } catch (GitHubRefusedException e) {
      finishFailed(r, e.describe(), e.describe());
      return true;
    } catch (NotFileableException e) {
      finishFailed(r, String.valueOf(e.getMessage()), "Cannot file it: " + e.getMessage());
      return true;
    } catch (GitHubUnavailableException e) {
      return retry(r, String.valueOf(e.getMessage()), e.retryAfter());
    } catch (NotLeaderException deposed) {
      throw deposed;
    } catch (RuntimeException bug) {
      log.error("issue request #{} for alert #{} failed unexpectedly", r.id(), r.alert(), bug);
      return retry(r, String.valueOf(bug), null);
    }
  }

  /** {@code /assign}: the answer says who was assigned, or why GitHub refused. */
  private boolean assign(IssueRequest r) {
    MessageRef under = Objects.requireNonNull(r.answerUnder());
    String login = Objects.requireNonNull(r.assignee());
    Optional<IssueRef> issue =
        links.issuesFor(r.alert()).stream()
            .map(IssueLink::issue)
            .filter(i -> r.issue() != null && i.number() == r.issue())
            .findFirst();
    if (issue.isEmpty()) {
      finishFailed(r, "the issue is no longer linked", "alert #" + r.alert() + " has no issue now");
      return true;
    }
    try {
      String who = filer.assign(issue.get(), login);
      transactions.inTransaction(
          () -> {
            requests.done(r.id(), clock.instant());
            outbox.enqueue(
                PendingMessage.answer(under, FilingReplies.assigned(issue.get(), who), r.alert()));
            return Boolean.TRUE;
          });
      log.info("alert #{}: {} assigned to {}", r.alert(), issue.get(), login);
      return true;
    } catch (GitHubRefusedException e) {
      finishFailed(r, e.describe(), e.describe());
      return true;
    } catch (GitHubUnavailableException e) {
      return retry(r, String.valueOf(e.getMessage()), e.retryAfter());
    }
  }

  /**
   * Under a new alert: the failing tests its logs name (seed 002: "Post on the channel what tests
   * broke") and "looks like #N" when they show a filed root cause.
   */
  private boolean analyse(IssueRequest r, Alert alert) {
    List<MessageRef> posted = messages.messagesFor(r.alert());
    if (links.issueFor(r.alert()).isPresent()) {
      transactions.inTransaction(() -> requests.done(r.id(), clock.instant()));
      return true;
    }
    if (posted.isEmpty()) {
      // Not delivered yet; the answer needs the alert's message to go under.
      return quietRetry(r, "the alert is not posted yet", null);
    }
    try {
      IssueFiler.Analysis run = filer.analysis(alert);
      SameIssues same = filer.sameRootCause(alert, run);
      transactions.inTransaction(
          () -> {
            requests.done(r.id(), clock.instant());
            // Recorded with the reply that says which are flaky, so a crash loses neither alone.
            List<FlakyNote> notes =
                flaky.isPresent() && alert.gitHubRun().isPresent()
                    ? flaky
                        .get()
                        .testsFailed(
                            r.alert(), alert.gitHubRun().get().repo(), run.failures().tests())
                    : List.of();
            Optional<OutgoingMessage> report = report(alert, run, notes).message();
            report.ifPresent(m -> outbox.enqueue(PendingMessage.reply(posted.get(0), m, null)));
            if (!same.isEmpty()) {
              outbox.enqueue(
                  PendingMessage.reply(
                      posted.get(0), FilingReplies.looksLike(r.alert(), same), null));
            }
            return Boolean.TRUE;
          });
      askWho(alert, posted.get(0), run.failures().tests());
      return true;
    } catch (GitHubRefusedException | NotFileableException e) {
      log.info("analysing alert #{} refused: {}", r.alert(), e.getMessage());
      transactions.inTransaction(
          () -> requests.failed(r.id(), String.valueOf(e.getMessage()), clock.instant()));
      return true;
    } catch (GitHubUnavailableException e) {
      return quietRetry(r, String.valueOf(e.getMessage()), e.retryAfter());
    } catch (NotLeaderException deposed) {
      throw deposed;
    } catch (RuntimeException bug) {
      log.error("analysing alert #{} failed unexpectedly", r.alert(), bug);
      return quietRetry(r, String.valueOf(bug), null);
    }
  }

  /** The failing tests, unreadable logs and late build hints of the analysed run. */
  private BuildReport report(Alert alert, IssueFiler.Analysis run, List<FlakyNote> notes) {
    List<BuildHint> late =
        alert.gitHubRun().map(g -> hints.afterAnalysis(g, run.jobs())).orElse(List.of());
    return new BuildReport(run.failures().tests(), run.unreadable(), late, notes);
  }

  /**
   * Replies under the alert whom to ask about its failing tests. A hint, so best effort: once the
   * analysis is done it is not retried, and a GitHub failure only costs the hint.
   */
  private void askWho(Alert alert, MessageRef under, List<String> failingTests) {
    if (whoToAsk.isEmpty()) {
      return;
    }
    try {
      whoToAsk
          .get()
          .forAlert(alert, failingTests)
          .ifPresent(
              text ->
                  transactions.inTransaction(
                      () ->
                          outbox.enqueue(
                              PendingMessage.reply(under, OutgoingMessage.of(text), null))));
    } catch (GitHubRefusedException | GitHubUnavailableException e) {
      log.info("who to ask about alert #{}: GitHub failed: {}", alert.storedId(), e.getMessage());
    }
  }

  /** Retries an analysis nobody waits for: when it keeps failing it is dropped, silently. */
  private boolean quietRetry(IssueRequest r, String error, @Nullable Duration retryAfter) {
    if (r.attempts() + 1 >= MAX_ATTEMPTS) {
      transactions.inTransaction(() -> requests.failed(r.id(), error, clock.instant()));
      return true;
    }
    Instant next = clock.instant().plus(Backoff.after(r.attempts() + 1, retryAfter));
    transactions.inTransaction(() -> requests.retryLater(r.id(), next, error));
    return false;
  }

  private boolean retry(IssueRequest r, String error, @Nullable Duration retryAfter) {
    int attempts = r.attempts() + 1;
    if (attempts >= MAX_ATTEMPTS) {
      finishFailed(r, error, "GitHub did not answer after " + attempts + " tries (" + error + ")");
      return true;
    }
    Duration wait = Backoff.after(attempts, retryAfter);
    log.warn(
        "issue request #{} for alert #{} not done (attempt {}): {}; next try in {}s",
        r.id(),
        r.alert(),
        attempts,
        error,
        wait.toSeconds());
    transactions.inTransaction(
        () -> requests.retryLater(r.id(), clock.instant().plus(wait), error));
    return false;
  }

  private void finishFailed(IssueRequest r, String error, String why) {
    log.warn("issue request #{} for alert #{} failed: {}", r.id(), r.alert(), error);
    transactions.inTransaction(
        () -> {
          requests.failed(r.id(), error, clock.instant());
          outbox.enqueue(
              PendingMessage.reply(
                  Objects.requireNonNull(r.answerUnder()),
                  FilingReplies.failed(r.kind(), why),
                  null));
          return Boolean.TRUE;
        });
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
