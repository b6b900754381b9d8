package dev.meister.core.pipeline;

import dev.meister.core.alert.Router;
import dev.meister.core.chat.ChatRef;
import dev.meister.core.chat.OutgoingMessage;
import dev.meister.core.chat.RichText;
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
 * "No on-call since it only requires for investors. DE need to check the pipeline every week": at
 * each reminder the owners are tagged with the runs of the period just ended, read from Airflow,
 * once per period.
 */
public final class CheckReminders implements DueWork {
  private static final Logger log = LoggerFactory.getLogger(CheckReminders.class);

  /** Reminders older than this when first seen (the bot was down) are skipped. */
  static final Duration LATE_LIMIT = Duration.ofDays(1);

  /** How long to retry an unreachable Airflow before reminding without the runs. */
  static final Duration PATIENCE = Duration.ofHours(1);

  /** Runs listed in one reminder; the rest are counted. */
  static final int LISTED = 20;

  private final List<Pipeline> pipelines;
  private final Map<String, DagRunSource> airflow;
  private final PipelineChats chats;
  private final PipelineNoticeStore notices;
  private final Outbox outbox;
  private final Transactions transactions;

  public CheckReminders(
      List<Pipeline> pipelines,
      Map<String, DagRunSource> airflow,
      Router router,
      PipelineNoticeStore notices,
      Outbox outbox,
      Transactions transactions) {
    this.pipelines =
        pipelines.stream().filter(p -> p.onCall() instanceof OnCallPolicy.NoOnCall).toList();
    this.airflow = Map.copyOf(airflow);
    this.chats = new PipelineChats(router);
    this.notices = notices;
    this.outbox = outbox;
    this.transactions = transactions;
  }

  @Override
  public String name() {
    return "check-reminders";
  }

  @Override
  public Optional<Instant> runDue(Instant now) {
    Optional<Instant> next = Optional.empty();
    for (Pipeline p : pipelines) {
      OnCallPolicy.NoOnCall policy = (OnCallPolicy.NoOnCall) p.onCall();
      Instant at = policy.latestAtOrBefore(now);
      try {
        if (!at.isBefore(now.minus(LATE_LIMIT))) {
          remind(p, policy, at, now);
        }
      } catch (RuntimeException e) {
        log.error("check reminder of pipeline {} failed", p.name(), e);
      }
      next = DueWork.earliest(next, Optional.of(policy.nextAfter(now)));
    }
    return next;
  }

  private void remind(Pipeline p, OnCallPolicy.NoOnCall policy, Instant at, Instant now) {
    PipelineNotice notice =
        new PipelineNotice(p.name(), PipelineNotice.Kind.CHECK_REMINDER, at.toString());
    if (notices.posted(notice)) {
      return;
    }
    Instant since = at.minus(policy.every());
    DagRunSource source = p.airflow() == null ? null : airflow.get(p.airflow());
    OutgoingMessage message;
    try {
      if (source == null) {
        throw new RunSourceException(
            RunSourceException.Reason.NOT_FOUND, "no Airflow instance is configured for it");
      }
      message = reminder(p, since, source.runsDueSince(p.dagId(), since));
    } catch (RunSourceException e) {
      if (source != null && now.isBefore(at.plus(PATIENCE))) {
        log.warn(
            "check reminder of {}: Airflow did not answer ({}); trying again",
            p.name(),
            e.getMessage());
        return;
      }
      message = unread(p, since, String.valueOf(e.getMessage()));
    }
    Optional<ChatRef> chat = chats.chatOf(p);
    OutgoingMessage m = message;
    transactions.inTransaction(
        () -> {
          boolean first = notices.record(notice, now);
          if (first && chat.isPresent()) {
            outbox.enqueue(PendingMessage.post(chat.get(), m, null));
          }
          return first;
        });
  }

  static OutgoingMessage reminder(Pipeline p, Instant since, List<DagRun> runs) {
    RichText.Builder t = heading(p, since);
    if (runs.isEmpty()) {
      t.newline().text("No runs since then.");
    }
    for (DagRun run : runs.subList(0, Math.min(LISTED, runs.size()))) {
      Instant due = run.runAfter();
      t.newline()
          .text("• ")
          .code(run.runId())
          .text(
              " "
                  + run.state().airflowName()
                  + (due == null ? "" : ", due " + PipelineText.time(due)));
    }
    if (runs.size() > LISTED) {
      t.newline().text("… and " + (runs.size() - LISTED) + " more.");
    }
    return OutgoingMessage.of(closing(p, t).build());
  }

  private static OutgoingMessage unread(Pipeline p, Instant since, String why) {
    RichText.Builder t = heading(p, since);
    t.newline().text("Its runs could not be read: " + why + ".");
    return OutgoingMessage.of(closing(p, t).build());
  }

  private static RichText.Builder heading(Pipeline p, Instant since) {
    return RichText.builder()
        .emoji("calendar")
        .bold(" Check " + p.name())
        .text(
            " (DAG "
                + p.dagId()
                + "): no one is on call for it, so its owners check it. Runs since "
                + PipelineText.time(since)
                + ":");
  }

  private static RichText.Builder closing(Pipeline p, RichText.Builder t) {
    t.newline();
    PipelineText.mentions(p.owners(), t);
    t.text(", please check the pipeline.");
    PipelineText.runbooks(p, t, " ");
    return t;
  }
}
