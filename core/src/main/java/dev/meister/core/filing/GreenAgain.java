package dev.meister.core.filing;

import dev.meister.core.alert.Alert;
import dev.meister.core.alert.GitHubRun;
import dev.meister.core.alert.AlertSource;
import dev.meister.core.alert.AlertStore;
import dev.meister.core.alert.Intake;
import dev.meister.core.alert.Outcome;
import dev.meister.core.alert.RunEvent;
import dev.meister.core.alert.RunEventSink;
import dev.meister.core.chat.EmojiNames;
import dev.meister.core.chat.MessageLinkStore;
import dev.meister.core.chat.MessageRef;
import dev.meister.core.chat.OutgoingMessage;
import dev.meister.core.chat.RichText;
import dev.meister.core.delivery.Outbox;
import dev.meister.core.delivery.PendingMessage;
import dev.meister.core.tx.Transactions;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Says "green again" in the thread of every earlier failure of a workflow and branch when a later
 * {@code workflow_run} of them succeeds. Wraps the intake: the success is recorded by it first.
 */
public final class GreenAgain implements RunEventSink {
  /** How far back failures are looked for; older ones are long forgotten. */
  static final int LOOK_BACK = 500;

  private final RunEventSink intake;
  private final AlertStore alerts;
  private final MessageLinkStore messages;
  private final GreenNotices notices;
  private final Outbox outbox;
  private final Transactions transactions;
  private final Runnable queued;

  public GreenAgain(RunEventSink intake, AlertStore alerts, MessageLinkStore messages,
      GreenNotices notices, Outbox outbox, Transactions transactions, Runnable queued) {
    this.intake = intake;
    this.alerts = alerts;
    this.messages = messages;
    this.notices = notices;
    this.outbox = outbox;
    this.transactions = transactions;
    this.queued = queued;
  }

  @Override
  public Intake accept(RunEvent event) {
    Intake result = intake.accept(event);
    if (event.outcome() == Outcome.SUCCEEDED && event.source() == AlertSource.GITHUB_ACTIONS
        && !result.duplicate() && gitHubRun(event).flatMap(GitHubRun::workflowPath).isPresent()) {
      int told = transactions.inTransaction(() -> tell(event));
      if (told > 0) {
        queued.run();
      }
    }
    return result;
  }

  private int tell(RunEvent success) {
    int told = 0;
    for (Alert alert : alerts.recent(LOOK_BACK)) {
      if (!sameBuild(alert, success) || !failedBefore(alert, success.occurredAt())) {
        continue;
      }
      List<MessageRef> posted = messages.messagesFor(alert.storedId());
      if (posted.isEmpty()) {
        continue; // not posted (yet): nothing to answer under
      }
      if (notices.notice(alert.storedId(), success.deliveryKey(), success.occurredAt())) {
        outbox.enqueue(PendingMessage.reply(posted.get(0), message(gitHubRun(success).orElseThrow()), null));
        told++;
      }
    }
    return told;
  }

  private static Optional<GitHubRun> gitHubRun(RunEvent e) {
    return e.origin().match(Optional::of, task -> Optional.empty());
  }

  private static boolean sameBuild(Alert alert, RunEvent success) {
    Optional<GitHubRun> failed = alert.gitHubRun();
    Optional<GitHubRun> passed = gitHubRun(success);
    return failed.isPresent() && passed.isPresent()
        && failed.get().repo().equals(passed.get().repo())
        && same(failed.get().workflowPath(), passed.get().workflowPath())
        && same(failed.get().branch(), passed.get().branch());
  }

  private static boolean same(Optional<String> failed, Optional<String> passed) {
    return failed.isPresent() && failed.equals(passed);
  }

  private static boolean failedBefore(Alert alert, Instant success) {
    return alert.occurredAt().isBefore(success);
  }

  private static OutgoingMessage message(GitHubRun success) {
    RichText.Builder text = RichText.builder().text(EmojiNames.unicode("green_circle")
        + " Green again: " + success.workflowName().orElse("the build")
        + " on " + success.branch().orElse("?") + " passed");
    Optional<String> url = success.runUrl();
    String run = "run " + success.runNumber().map(n -> "#" + n).orElse("");
    if (url.isPresent()) {
      text.text(" (").link(run.strip(), url.get()).text(")");
    }
    return OutgoingMessage.of(text.text(".").build());
  }
}
