package dev.meister.core.pipeline;

import dev.meister.core.alert.Router;
import dev.meister.core.chat.ChatRef;
import dev.meister.core.chat.OutgoingMessage;
import dev.meister.core.delivery.Outbox;
import dev.meister.core.delivery.PendingMessage;
import dev.meister.core.status.DagRun;
import dev.meister.core.status.DagRunSource;
import dev.meister.core.status.RunSourceException;
import dev.meister.core.timing.DueWork;
import dev.meister.core.tx.Transactions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At each pipeline's SLA deadline, asks Airflow for the run that deadline is about (see {@link
 * DueRun}: today's run, not merely the latest); unless it succeeded by then, the route's chat hears
 * about it with the owners tagged, and "no run since …" when today's run never started. Each
 * deadline is checked once (recorded with its message); while Airflow cannot be reached the check
 * is retried, and after {@link #PATIENCE} the chat is told that the SLA could not be checked.
 */
public final class SlaChecks implements DueWork {
  private static final Logger log = LoggerFactory.getLogger(SlaChecks.class);

  /** Deadlines older than this when first seen (the bot was down) are not checked late. */
  static final Duration LATE_LIMIT = Duration.ofHours(6);

  /** How long to retry an unreachable Airflow before saying so. */
  static final Duration PATIENCE = Duration.ofHours(1);

  private final List<Pipeline> pipelines;
  private final Map<String, DagRunSource> airflow;
  private final PipelineChats chats;
  private final SlaCheckStore checks;
  private final Outbox outbox;
  private final Transactions transactions;

  /**
   * @param airflow run sources by Airflow instance name
   */
  public SlaChecks(
      List<Pipeline> pipelines,
      Map<String, DagRunSource> airflow,
      Router router,
      SlaCheckStore checks,
      Outbox outbox,
      Transactions transactions) {
    this.pipelines = pipelines.stream().filter(p -> p.sla() != null).toList();
    this.airflow = Map.copyOf(airflow);
    this.chats = new PipelineChats(router);
    this.checks = checks;
    this.outbox = outbox;
    this.transactions = transactions;
  }

  @Override
  public String name() {
    return "sla-checks";
  }

  @Override
  public Optional<Instant> runDue(Instant now) {
    Optional<Instant> next = Optional.empty();
    for (Pipeline p : pipelines) {
      Sla sla = p.deadline().orElseThrow();
      try {
        Instant deadline = sla.latestAtOrBefore(now);
        if (!deadline.isBefore(now.minus(LATE_LIMIT)) && !checks.checked(p.name(), deadline)) {
          check(p, sla, deadline, now);
        }
      } catch (RuntimeException e) {
        log.error("SLA check of pipeline {} failed", p.name(), e);
      }
      next = DueWork.earliest(next, Optional.of(sla.nextAfter(now)));
    }
    return next;
  }

  private void check(Pipeline p, Sla sla, Instant deadline, Instant now) {
    DagRunSource source = p.airflow() == null ? null : airflow.get(p.airflow());
    if (source == null) {
      log.warn("pipeline {} has no Airflow instance to check its SLA on", p.name());
      return;
    }
    Optional<DueRun> window = DueRun.forDeadline(p, sla, deadline);
    if (window.isEmpty()) {
      report(p, deadline, now, true, "no run due since the previous deadline", null);
      return;
    }
    List<DagRun> counting;
    Optional<DagRun> latest = Optional.empty();
    try {
      counting = window.get().counting(source.runsDueSince(p.dagId(), window.get().since()));
      if (counting.isEmpty()) {
        latest = source.latestRun(p.dagId());
      }
    } catch (RunSourceException e) {
      if (now.isBefore(deadline.plus(PATIENCE))) {
        log.warn(
            "SLA check of {}: Airflow did not answer ({}); trying again", p.name(), e.getMessage());
        return;
      }
      report(
          p,
          deadline,
          now,
          false,
          "Airflow could not be asked: " + e.getMessage(),
          unknown(p, String.valueOf(e.getMessage())));
      return;
    }
    boolean met = DueRun.met(counting, deadline);
    String detail =
        counting.isEmpty()
            ? "no run since " + latest.map(DagRun::runId).orElse("ever")
            : counting.get(0).runId() + " " + counting.get(0).state().airflowName();
    report(
        p,
        deadline,
        now,
        met,
        detail,
        met ? null : SlaMessages.missed(p, window.get(), counting, latest));
  }

  private void report(
      Pipeline p,
      Instant deadline,
      Instant now,
      boolean met,
      String detail,
      @org.jspecify.annotations.Nullable OutgoingMessage message) {
    Optional<ChatRef> chat = chats.chatOf(p);
    transactions.inTransaction(
        () -> {
          if (!checks.record(p.name(), deadline, now, met, detail)) {
            return false;
          }
          if (message != null && chat.isPresent()) {
            outbox.enqueue(PendingMessage.post(chat.get(), message, null));
            return true;
          }
          return false;
        });
    log.info("SLA of {} at {}: {} ({})", p.name(), deadline, met ? "met" : "missed", detail);
  }

  private static OutgoingMessage unknown(Pipeline p, String why) {
    return SlaMessages.unknown(p, why);
  }
}
