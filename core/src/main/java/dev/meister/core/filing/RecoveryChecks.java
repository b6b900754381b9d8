package dev.meister.core.filing;

import dev.meister.core.alert.AirflowTask;
import dev.meister.core.alert.Alert;
import dev.meister.core.alert.AlertCopies;
import dev.meister.core.chat.MessageLinkStore;
import dev.meister.core.chat.MessageRef;
import dev.meister.core.chat.OutgoingMessage;
import dev.meister.core.delivery.Outbox;
import dev.meister.core.delivery.PendingMessage;
import dev.meister.core.pipeline.PipelineAlerts;
import dev.meister.core.status.DagRun;
import dev.meister.core.status.DagRunSource;
import dev.meister.core.status.RunSourceException;
import dev.meister.core.status.RunState;
import dev.meister.core.status.TaskRun;
import dev.meister.core.status.TaskState;
import dev.meister.core.timing.DueWork;
import dev.meister.core.tx.Transactions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When no success callback comes (the notifier has only {@code on_failure_callback}, or it could
 * not reach Meister), Meister asks Airflow itself: every {@code every}, for each unresolved Airflow
 * alert of the last day whose Airflow instance it can read, whether its task has since succeeded in
 * the same DAG run (a clear after the runbook's fix) or the run as a whole ended successful. Such
 * an alert is resolved as {@link Recoveries} does. Reads Airflow on the timekeeper's thread; an
 * Airflow that cannot be read is asked again next time.
 */
public final class RecoveryChecks implements DueWork {
  private static final Logger log = LoggerFactory.getLogger(RecoveryChecks.class);

  /** Older failures were dealt with in some other way. */
  static final Duration HORIZON = Duration.ofDays(1);

  private static final int BATCH = 200;

  private final Function<AirflowTask, Optional<DagRunSource>> sources;
  private final PipelineAlerts alerts;
  private final ResolutionStore resolutions;
  private final MessageLinkStore messages;
  private final Outbox outbox;
  private final AlertCopies copies;
  private final Transactions transactions;
  private final Duration every;
  private Instant nextCheck = Instant.MIN;

  /**
   * @param sources the Airflow instance an alert's task ran on, when it can be read
   */
  public RecoveryChecks(
      Function<AirflowTask, Optional<DagRunSource>> sources,
      PipelineAlerts alerts,
      ResolutionStore resolutions,
      MessageLinkStore messages,
      Outbox outbox,
      AlertCopies copies,
      Transactions transactions,
      Duration every) {
    this.sources = sources;
    this.alerts = alerts;
    this.resolutions = resolutions;
    this.messages = messages;
    this.outbox = outbox;
    this.copies = copies;
    this.transactions = transactions;
    this.every = every;
  }

  @Override
  public String name() {
    return "recovery-checks";
  }

  @Override
  public synchronized Optional<Instant> runDue(Instant now) {
    if (now.isBefore(nextCheck)) {
      return Optional.of(nextCheck);
    }
    for (Alert alert : alerts.airflowAlertsSince(now.minus(HORIZON), BATCH)) {
      try {
        check(alert, now);
      } catch (RunSourceException e) {
        log.debug("alert {}: Airflow not read for recovery: {}", alert.id(), e.getMessage());
      } catch (RuntimeException e) {
        log.error("checking alert {} for recovery failed", alert.id(), e);
      }
    }
    nextCheck = now.plus(every);
    return Optional.of(nextCheck);
  }

  private void check(Alert alert, Instant now) {
    Optional<AirflowTask> task = alert.airflowTask();
    Optional<String> run = task.flatMap(AirflowTask::dagRunId);
    Optional<String> taskId = task.flatMap(AirflowTask::taskId);
    if (task.isEmpty()
        || run.isEmpty()
        || taskId.isEmpty()
        || alerts.resolvedAt(alert).isPresent()
        || alert.routeName().isEmpty()) {
      return;
    }
    Optional<DagRunSource> source = sources.apply(task.get());
    if (source.isEmpty()) {
      return;
    }
    String dag = task.get().dagId();
    List<TaskRun> tries =
        source.get().taskRuns(dag, run.get()).stream()
            .filter(t -> t.taskId().equals(taskId.get()))
            .toList();
    boolean taskPassed =
        !tries.isEmpty()
            && tries.stream()
                .allMatch(t -> t.state() == TaskState.SUCCESS || t.state() == TaskState.SKIPPED);
    String how;
    if (taskPassed) {
      how = "recovered: " + taskId.get() + " succeeded since (seen in Airflow)";
    } else {
      DagRun r = source.get().run(dag, run.get());
      if (r.state() != RunState.SUCCESS) {
        return;
      }
      how = "recovered: the DAG run ended successful (seen in Airflow)";
    }
    boolean resolved =
        transactions.inTransaction(
            () -> {
              if (resolutions.resolutionOf(alert.storedId()).isPresent()) {
                return false;
              }
              resolutions.resolve(
                  new Resolution(alert.storedId(), Recoveries.REASON, how, Recoveries.BY, now));
              copies.refresh(alert);
              List<MessageRef> posted = messages.messagesFor(alert.storedId());
              if (!posted.isEmpty()) {
                outbox.enqueue(
                    PendingMessage.reply(
                        posted.get(0),
                        OutgoingMessage.plain(
                            "✅ "
                                + dag
                                + "."
                                + taskId.get()
                                + " "
                                + how
                                + " in run "
                                + run.get()
                                + ": resolved, no escalation."),
                        null));
              }
              return true;
            });
    if (resolved) {
      log.info("alert {} resolved: {}", alert.id(), how);
    }
  }
}
