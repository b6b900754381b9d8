package dev.meister.core.pipeline;

import dev.meister.core.alert.Alert;
import dev.meister.core.chat.ChatRef;
import dev.meister.core.chat.OutgoingMessage;
import dev.meister.core.chat.RichText;
import dev.meister.core.delivery.Outbox;
import dev.meister.core.delivery.PendingMessage;
import dev.meister.core.timing.DueWork;
import dev.meister.core.tx.Transactions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fix-time SLAs: "If pipeline fails, it will be fixed within 24 hour from midnight UTC", "Issues
 * will be fixed by end of month". A failure alert of such a pipeline not resolved ({@code
 * /resolve}) by its fix deadline is a breach, posted once to the route's chat with the owners
 * tagged.
 */
public final class FixChecks implements DueWork {
  private static final Logger log = LoggerFactory.getLogger(FixChecks.class);

  /** Failures are followed up this far back: past a month's end from the month's first day. */
  static final Duration LOOKBACK = Duration.ofDays(35);

  /** Breaches older than this when first seen (the bot was down) are recorded, not posted. */
  static final Duration LATE_LIMIT = Duration.ofDays(1);

  private final PipelineNotes pipelines;
  private final PipelineAlerts alerts;
  private final PipelineChats chats;
  private final PipelineNoticeStore notices;
  private final Outbox outbox;
  private final Transactions transactions;

  public FixChecks(
      List<Pipeline> pipelines,
      PipelineAlerts alerts,
      dev.meister.core.alert.Router router,
      PipelineNoticeStore notices,
      Outbox outbox,
      Transactions transactions) {
    this.pipelines =
        new PipelineNotes(pipelines.stream().filter(p -> p.fixDeadline().isPresent()).toList());
    this.alerts = alerts;
    this.chats = new PipelineChats(router);
    this.notices = notices;
    this.outbox = outbox;
    this.transactions = transactions;
  }

  @Override
  public String name() {
    return "fix-deadlines";
  }

  @Override
  public Optional<Instant> runDue(Instant now) {
    return new AlertSweep("fix deadline", alerts, pipelines, LOOKBACK)
        .run(
            now,
            (p, alert) -> p.fixDeadline().map(d -> d.dueFor(alert.occurredAt())),
            (p, alert, due) -> check(p, alert, due, now));
  }

  private void check(Pipeline p, Alert alert, Instant due, Instant now) {
    PipelineNotice notice =
        new PipelineNotice(p.name(), PipelineNotice.Kind.FIX_BREACH, "alert:" + alert.storedId());
    if (notices.posted(notice)) {
      return;
    }
    Optional<Instant> resolved = alerts.resolvedAt(alert);
    boolean breach = resolved.isEmpty() || resolved.get().isAfter(due);
    Optional<ChatRef> chat = breach ? chats.chatOf(p) : Optional.empty();
    boolean post = breach && !due.isBefore(now.minus(LATE_LIMIT)) && chat.isPresent();
    transactions.inTransaction(
        () -> {
          boolean first = notices.record(notice, now);
          if (first && post) {
            outbox.enqueue(PendingMessage.post(chat.get(), breach(p, alert, due), null));
          }
          return first;
        });
    log.info(
        "fix deadline of {} for alert #{} at {}: {}",
        p.name(),
        alert.storedId(),
        due,
        breach ? "breached" : "met");
  }

  static OutgoingMessage breach(Pipeline p, Alert alert, Instant due) {
    RichText.Builder t =
        RichText.builder()
            .emoji("alarm_clock")
            .bold(" Fix deadline missed: " + p.name())
            .text(
                " (DAG "
                    + p.dagId()
                    + "): alert #"
                    + alert.storedId()
                    + " from "
                    + PipelineText.time(alert.occurredAt())
                    + " is not resolved; the team fixes failures "
                    + p.fixDeadline().orElseThrow()
                    + ", by "
                    + PipelineText.time(due)
                    + ".");
    return OutgoingMessage.of(PipelineText.owners(p, t).build());
  }
}
