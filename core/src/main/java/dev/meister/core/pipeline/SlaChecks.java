package dev.meister.core.pipeline;

import dev.meister.core.alert.AirflowTask;
import dev.meister.core.alert.Route;
import dev.meister.core.alert.Router;
import dev.meister.core.chat.ChatRef;
import dev.meister.core.chat.OutgoingMessage;
import dev.meister.core.chat.RichText;
import dev.meister.core.delivery.Outbox;
import dev.meister.core.delivery.PendingMessage;
import dev.meister.core.status.DagRun;
import dev.meister.core.status.DagRunSource;
import dev.meister.core.status.RunSourceException;
import dev.meister.core.status.RunState;
import dev.meister.core.team.MemberId;
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
 * At each pipeline's SLA deadline, asks Airflow for the DAG's latest run; unless it succeeded, the
 * route's chat hears about it with the owners tagged. Each deadline is checked once (recorded with
 * its message); while Airflow cannot be reached the check is retried, and after {@link #PATIENCE}
 * the chat is told that the SLA could not be checked.
 */
public final class SlaChecks implements DueWork {
  private static final Logger log = LoggerFactory.getLogger(SlaChecks.class);

  /** Deadlines older than this when first seen (the bot was down) are not checked late. */
  static final Duration LATE_LIMIT = Duration.ofHours(6);

  /** How long to retry an unreachable Airflow before saying so. */
  static final Duration PATIENCE = Duration.ofHours(1);

  private final List<Pipeline> pipelines;
  private final Map<String, DagRunSource> airflow;
  private final Router router;
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
    this.router = router;
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
          check(p, deadline, now);
        }
      } catch (RuntimeException e) {
        log.error("SLA check of pipeline {} failed", p.name(), e);
      }
      next = DueWork.earliest(next, Optional.of(sla.nextAfter(now)));
    }
    return next;
  }

  private void check(Pipeline p, Instant deadline, Instant now) {
    DagRunSource source = p.airflow() == null ? null : airflow.get(p.airflow());
    if (source == null) {
      log.warn("pipeline {} has no Airflow instance to check its SLA on", p.name());
      return;
    }
    Optional<DagRun> run;
    try {
      run = source.latestRun(p.dagId());
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
    boolean met = run.isPresent() && run.get().state() == RunState.SUCCESS;
    String detail = run.map(r -> r.runId() + " " + r.state().airflowName()).orElse("no runs");
    report(p, deadline, now, met, detail, met ? null : missed(p, deadline, run.orElse(null)));
  }

  private void report(
      Pipeline p,
      Instant deadline,
      Instant now,
      boolean met,
      String detail,
      @org.jspecify.annotations.Nullable OutgoingMessage message) {
    Optional<ChatRef> chat = chatOf(p);
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

  private Optional<ChatRef> chatOf(Pipeline p) {
    // Matched as a task of the DAG that names no task, tags or region.
    Optional<Route> route = router.route(AirflowTask.builder(p.dagId()).build());
    if (route.isEmpty()) {
      log.warn(
          "no route matches DAG {} of pipeline {}: its SLA misses are not posted",
          p.dagId(),
          p.name());
    }
    return route.map(Route::chat);
  }

  static OutgoingMessage missed(
      Pipeline p, Instant deadline, @org.jspecify.annotations.Nullable DagRun run) {
    RichText.Builder t =
        RichText.builder()
            .emoji("hourglass")
            .bold(" SLA missed: " + p.name())
            .text(" (DAG " + p.dagId() + ") should have its data by " + p.sla() + "; ");
    if (run == null) {
      t.text("the DAG has no runs.");
    } else {
      t.text("its latest run " + run.runId() + " is " + run.state().airflowName() + ".");
    }
    return OutgoingMessage.of(owners(p, t).build());
  }

  private static OutgoingMessage unknown(Pipeline p, String why) {
    RichText.Builder t =
        RichText.builder()
            .emoji("warning")
            .text(
                " Could not check the SLA of "
                    + p.name()
                    + " (DAG "
                    + p.dagId()
                    + ", due "
                    + p.sla()
                    + "): "
                    + why
                    + ".");
    return OutgoingMessage.of(owners(p, t).build());
  }

  private static RichText.Builder owners(Pipeline p, RichText.Builder t) {
    t.newline().text("Owners: ").mention(p.primaryOwner());
    if (p.secondaryOwner() != null) {
      t.text(", ").mention(p.secondaryOwner());
    }
    if (!p.downstream().isEmpty()) {
      t.text(". Downstream: ");
      for (int i = 0; i < p.downstream().size(); i++) {
        MemberId m = p.downstream().get(i);
        t.text(i == 0 ? "" : ", ").mention(m);
      }
    }
    t.text(".");
    for (int i = 0; i < p.runbooks().size(); i++) {
      t.text(" ")
          .link(p.runbooks().size() == 1 ? "Runbook" : "Runbook " + (i + 1), p.runbooks().get(i));
    }
    return t;
  }
}
