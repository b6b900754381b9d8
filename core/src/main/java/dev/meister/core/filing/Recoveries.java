package dev.meister.core.filing;

import dev.meister.core.alert.AirflowTask;
import dev.meister.core.alert.Alert;
import dev.meister.core.alert.AlertCopies;
import dev.meister.core.alert.AlertStore;
import dev.meister.core.alert.RunEvent;
import dev.meister.core.chat.AlertId;
import dev.meister.core.chat.EmojiNames;
import dev.meister.core.chat.MessageLinkStore;
import dev.meister.core.chat.MessageRef;
import dev.meister.core.chat.OutgoingMessage;
import dev.meister.core.delivery.Outbox;
import dev.meister.core.delivery.PendingMessage;
import java.util.List;
import java.util.Optional;

/**
 * The Airflow analogue of "green again": a task that failed and then succeeds on a later try of the
 * same DAG run (a retry, or a clear after the runbook's fix) resolves its failure alerts. Each is
 * resolved by Meister ("✅ recovered on try 3" on its message, which loses its buttons), its thread
 * is told, and a resolved alert no longer escalates. A step of the intake: it runs in the
 * transaction that records the success, once per failure.
 */
public final class Recoveries {
  /** Who resolves a recovered alert, in the log book. */
  public static final String BY = "meister";

  /** The reason a recovered alert is logged with. */
  public static final String REASON = "Recovered";

  static final int LOOK_BACK = 200;

  private final GreenNotices notices;
  private final AlertStore alerts;
  private final ResolutionStore resolutions;
  private final MessageLinkStore messages;
  private final Outbox outbox;
  private final AlertCopies copies;

  public Recoveries(
      GreenNotices notices,
      AlertStore alerts,
      ResolutionStore resolutions,
      MessageLinkStore messages,
      Outbox outbox,
      AlertCopies copies) {
    this.notices = notices;
    this.alerts = alerts;
    this.resolutions = resolutions;
    this.messages = messages;
    this.outbox = outbox;
    this.copies = copies;
  }

  /** Resolves the earlier failures of {@code success}'s task in its run; returns how many. */
  public int tell(RunEvent success) {
    Optional<AirflowTask> task = success.origin().match(run -> Optional.empty(), Optional::of);
    Optional<String> runId = task.flatMap(AirflowTask::dagRunId);
    Optional<String> taskId = task.flatMap(AirflowTask::taskId);
    if (task.isEmpty() || runId.isEmpty() || taskId.isEmpty()) {
      return 0;
    }
    int tries = task.get().tryNumber().orElse(0);
    int resolved = 0;
    for (AlertId id :
        notices.untoldTasks(task.get().dagId(), taskId.get(), success.occurredAt(), LOOK_BACK)) {
      Optional<Alert> failure = alerts.find(id);
      Optional<AirflowTask> failed = failure.flatMap(Alert::airflowTask);
      if (failure.isEmpty()
          || failed.isEmpty()
          || !failed.get().dagRunId().equals(runId)
          || (tries > 0 && failed.get().tryNumber().orElse(0) >= tries)
          || resolutions.resolutionOf(id).isPresent()
          || !notices.notice(id, success.deliveryKey(), success.occurredAt())) {
        continue;
      }
      String how = tries > 0 ? "recovered on try " + tries : "recovered";
      resolutions.resolve(new Resolution(id, REASON, how, BY, success.occurredAt()));
      copies.refresh(failure.get());
      List<MessageRef> posted = messages.messagesFor(id);
      if (!posted.isEmpty()) {
        outbox.enqueue(PendingMessage.reply(posted.get(0), message(task.get(), how), null));
      }
      resolved++;
    }
    return resolved;
  }

  private static OutgoingMessage message(AirflowTask task, String how) {
    return OutgoingMessage.plain(
        EmojiNames.unicode("white_check_mark")
            + " "
            + task.dagId()
            + "."
            + task.taskId().orElse("?")
            + " "
            + how
            + " in run "
            + task.dagRunId().orElse("?")
            + ": resolved, no escalation.");
  }
}
