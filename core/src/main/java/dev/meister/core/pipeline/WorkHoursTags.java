package dev.meister.core.pipeline;

import dev.meister.core.alert.Alert;
import dev.meister.core.alert.Router;
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
 * "If pipeline fails, it will be debugged by team during work hours": a failure that came in
 * outside work hours was posted without pinging anyone; when work hours next start, its owners are
 * tagged in the route's chat, once, unless it was resolved by then.
 */
public final class WorkHoursTags implements DueWork {
  private static final Logger log = LoggerFactory.getLogger(WorkHoursTags.class);

  /** Long enough to reach back over a long weekend to the last work-hours end. */
  static final Duration LOOKBACK = Duration.ofDays(8);

  /** Tags due longer ago than this when first seen (the bot was down) are recorded, not posted. */
  static final Duration LATE_LIMIT = Duration.ofDays(1);

  private final PipelineNotes pipelines;
  private final PipelineAlerts alerts;
  private final PipelineChats chats;
  private final PipelineNoticeStore notices;
  private final Outbox outbox;
  private final Transactions transactions;

  public WorkHoursTags(
      List<Pipeline> pipelines,
      PipelineAlerts alerts,
      Router router,
      PipelineNoticeStore notices,
      Outbox outbox,
      Transactions transactions) {
    this.pipelines =
        new PipelineNotes(
            pipelines.stream()
                .filter(p -> p.onCall() instanceof OnCallPolicy.DuringWorkHours)
                .toList());
    this.alerts = alerts;
    this.chats = new PipelineChats(router);
    this.notices = notices;
    this.outbox = outbox;
    this.transactions = transactions;
  }

  @Override
  public String name() {
    return "work-hours-tags";
  }

  @Override
  public Optional<Instant> runDue(Instant now) {
    return new AlertSweep("work-hours tag", alerts, pipelines, LOOKBACK)
        .run(now, WorkHoursTags::nextStart, (p, alert, start) -> tag(p, alert, start, now));
  }

  /** The next work-hours start after an alert posted silently; empty for one that pinged. */
  private static Optional<Instant> nextStart(Pipeline p, Alert alert) {
    if (!(p.onCall() instanceof OnCallPolicy.DuringWorkHours during)
        || !p.onCall().silencesAt(alert.receivedAt())) {
      return Optional.empty();
    }
    return Optional.of(during.hours().nextStartAfter(alert.receivedAt()));
  }

  private void tag(Pipeline p, Alert alert, Instant start, Instant now) {
    PipelineNotice notice =
        new PipelineNotice(
            p.name(), PipelineNotice.Kind.WORK_HOURS_TAG, "alert:" + alert.storedId());
    if (notices.posted(notice)) {
      return;
    }
    boolean open = alerts.resolvedAt(alert).map(r -> r.isAfter(start)).orElse(true);
    Optional<ChatRef> chat = open ? chats.chatOf(p) : Optional.empty();
    boolean post = open && !start.isBefore(now.minus(LATE_LIMIT)) && chat.isPresent();
    transactions.inTransaction(
        () -> {
          boolean first = notices.record(notice, now);
          if (first && post) {
            outbox.enqueue(PendingMessage.post(chat.get(), message(p, alert), null));
          }
          return first;
        });
    log.info(
        "work hours started: alert #{} of {} {}",
        alert.storedId(),
        p.name(),
        post ? "tagged" : "not tagged");
  }

  static OutgoingMessage message(Pipeline p, Alert alert) {
    RichText.Builder t =
        RichText.builder()
            .emoji("sunny")
            .text(" Work hours started: ")
            .bold(p.name())
            .text(
                " (DAG "
                    + p.dagId()
                    + ") failed at "
                    + PipelineText.time(alert.receivedAt())
                    + ", outside work hours: alert #"
                    + alert.storedId()
                    + " "
                    + alert.title()
                    + ".")
            .newline();
    PipelineText.mentions(p.owners(), t);
    t.text(", please have a look.");
    PipelineText.runbooks(p, t, " ");
    return OutgoingMessage.of(t.build());
  }
}
