package dev.meister.core.filing;

import dev.meister.core.alert.GitHubRun;
import dev.meister.core.alert.RunEvent;
import dev.meister.core.chat.AlertId;
import dev.meister.core.chat.EmojiNames;
import dev.meister.core.chat.MessageLinkStore;
import dev.meister.core.chat.MessageRef;
import dev.meister.core.chat.OutgoingMessage;
import dev.meister.core.chat.RichText;
import dev.meister.core.delivery.Outbox;
import dev.meister.core.delivery.PendingMessage;
import java.util.List;
import java.util.Optional;

/**
 * Says "green again" in the thread of every earlier failure of a workflow and branch when a later
 * {@code workflow_run} of them succeeds, once per failure. A step of the intake: it runs in the
 * transaction that records the success, so the notices are queued exactly when the success is.
 */
public final class GreenAgain {
  /** How many failures one success tells at most; a build red for longer is long forgotten. */
  static final int LOOK_BACK = 500;

  private final GreenNotices notices;
  private final MessageLinkStore messages;
  private final Outbox outbox;

  public GreenAgain(GreenNotices notices, MessageLinkStore messages, Outbox outbox) {
    this.notices = notices;
    this.messages = messages;
    this.outbox = outbox;
  }

  /**
   * Queues the notice under each earlier failure of {@code success}'s build not told yet; returns
   * how many. A failure whose message is not posted yet is left for a later success to tell.
   */
  public int tell(RunEvent success) {
    Optional<GitHubRun> build = success.origin().match(Optional::of, task -> Optional.empty());
    Optional<String> workflow = build.flatMap(GitHubRun::workflowPath);
    Optional<String> branch = build.flatMap(GitHubRun::branch);
    if (build.isEmpty() || workflow.isEmpty() || branch.isEmpty()) {
      return 0; // not a build of a workflow and branch that failures could share
    }
    String repo = build.get().repo();
    int told = 0;
    for (AlertId failure :
        notices.untold(repo, workflow.get(), branch.get(), success.occurredAt(), LOOK_BACK)) {
      List<MessageRef> posted = messages.messagesFor(failure);
      if (posted.isEmpty()) {
        continue; // not posted (yet): nothing to answer under
      }
      if (notices.notice(failure, success.deliveryKey(), success.occurredAt())) {
        outbox.enqueue(PendingMessage.reply(posted.get(0), message(build.get()), null));
        told++;
      }
    }
    return told;
  }

  private static OutgoingMessage message(GitHubRun success) {
    RichText.Builder text =
        RichText.builder()
            .text(
                EmojiNames.unicode("green_circle")
                    + " Green again: "
                    + success.workflowName().orElse("the build")
                    + " on "
                    + success.branch().orElse("?")
                    + " passed");
    Optional<String> url = success.runUrl();
    String run = "run " + success.runNumber().map(n -> "#" + n).orElse("");
    if (url.isPresent()) {
      text.text(" (").link(run.strip(), url.get()).text(")");
    }
    return OutgoingMessage.of(text.text(".").build());
  }
}
